import pytest

WEIRD = [
    "with spaces",
    "single ' quote",
    'double " quote',
    "$(touch pwned)",
    "`touch pwned_backtick`",
    "semi; touch pwned_semicolon",
    "[brackets]",
    "back\\slash",
    "glob * ?",
    "dollar $HOME",
    "colons::inside",
    "braces {classname} {name}",
    "percent %s %n",
    "  lead and trail  ",
    "--fail-fast",
]


@pytest.mark.parametrize("value", WEIRD, ids=WEIRD)
def test_param(value):
    assert value in WEIRD


def test_café_ünïcode():
    assert True
