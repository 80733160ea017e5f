import os
import pathlib
import tempfile


def test_stable():
    assert True


def test_settles_on_retry():
    # Fails on the first attempt of each run only: the marker lives as long as the run id.
    marker = pathlib.Path(tempfile.gettempdir()) / ("offload-it-flaky-" + os.environ["OFFLOAD_RUN_ID"])
    if not marker.exists():
        marker.write_text("first attempt failed")
        assert False, "first attempt fails"
    marker.unlink()


def test_also_stable():
    assert 2 > 1
