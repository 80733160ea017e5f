"""A test that fails on its first attempt in each run and passes on the retry: Offload reports it FLAKY."""
import os
import pathlib
import tempfile


def test_eventually_consistent_cache():
    run_id = os.environ.get("OFFLOAD_RUN_ID", "manual")
    marker = pathlib.Path(tempfile.gettempdir()) / f"offload-quickstart-flaky-{run_id}"
    if not marker.exists():
        marker.write_text("first attempt failed")
        assert False, "cache was not warm yet (fails on the first attempt only)"
    marker.unlink()
