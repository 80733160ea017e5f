def test_add():
    assert 1 + 1 == 2


def test_sub():
    assert 3 - 1 == 2


def test_mul():
    assert 2 * 3 == 6
