import os
import signal


def test_fine():
    assert True


def test_always_kills_its_runner():
    os.kill(os.getpid(), signal.SIGKILL)
