import time

import pytest


@pytest.mark.slow
def test_report_generation():
    time.sleep(3)
    assert True


@pytest.mark.slow
def test_database_migration():
    time.sleep(2)
    assert True
