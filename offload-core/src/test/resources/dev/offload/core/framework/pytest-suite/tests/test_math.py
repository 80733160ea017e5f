import pytest


class TestOps:
    @pytest.mark.parametrize("a,b", [(1, 1), (4, 2)])
    def test_div(self, a, b):
        assert a / b >= 1

    def test_add(self):
        assert 1 + 1 == 2


@pytest.mark.slow
def test_slow_add():
    assert 2 + 2 == 4
