import pytest


def add(a, b):
    return a + b


@pytest.mark.parametrize("a,b,expected", [(1, 2, 3), (0, 0, 0), (-1, 1, 0), (10, -3, 7)])
def test_add(a, b, expected):
    assert add(a, b) == expected


class TestDivision:
    def test_exact(self):
        assert 10 / 2 == 5

    def test_by_zero_raises(self):
        with pytest.raises(ZeroDivisionError):
            1 / 0
