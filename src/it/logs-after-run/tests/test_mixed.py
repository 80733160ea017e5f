import os
import pathlib
import tempfile


def test_passes():
    assert True


def test_always_fails():
    assert False, "broken for good"


def test_settles_on_retry():
    marker = pathlib.Path(tempfile.gettempdir()) / ("offload-it-logs-flaky-" + os.environ["OFFLOAD_RUN_ID"])
    if not marker.exists():
        marker.write_text("first attempt failed")
        assert False, "first attempt fails"
    marker.unlink()
