def test_upper():
    assert "offload".upper() == "OFFLOAD"


def test_split():
    assert "a b c".split() == ["a", "b", "c"]


def test_join():
    assert "-".join(["x", "y"]) == "x-y"
