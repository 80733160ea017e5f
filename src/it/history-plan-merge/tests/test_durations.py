import time


def test_slow():
    time.sleep(1.0)


def test_quick_a():
    pass


def test_quick_b():
    pass
