import pytest


@pytest.fixture
def broken_setup():
    raise RuntimeError("setup boom")


@pytest.fixture
def broken_teardown():
    yield
    raise RuntimeError("teardown boom")


def test_setup_error(broken_setup):
    pass


def test_call_fails_then_teardown_errors(broken_teardown):
    assert False, "call boom"


class TestPhases:
    @pytest.mark.parametrize("n", [1], ids=["one id"])
    def test_teardown_error(self, broken_teardown, n):
        pass

    def test_skipped(self):
        pytest.skip("not today")

    def test_passes(self):
        print("some output")
