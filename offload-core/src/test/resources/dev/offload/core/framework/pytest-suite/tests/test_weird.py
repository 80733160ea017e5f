# Ids that would break out of a shell word if anything ran them through a shell unquoted.
# The canary ids try to create files named "pwned*" in the working directory.
import pytest

WEIRD = [
    "with space",
    "it's quoted",
    'double "quoted"',
    "$(touch pwned-subst)",
    "`touch pwned-backtick`",
    "semi; touch pwned-semi",
    "pipe | amp & lt < gt >",
    "ünïcødé ß",
    "glob * ?",
]


@pytest.mark.parametrize("value", WEIRD, ids=WEIRD)
def test_id(value):
    assert value


class TestInClass:
    @pytest.mark.parametrize("value", ["x y", "$HOME"], ids=["x y", "$HOME"])
    def test_method(self, value):
        assert value
