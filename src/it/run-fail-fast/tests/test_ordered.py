# Individual batches with equal estimates run in id order, so test_a_fails runs first on the only sandbox.
def test_a_fails():
    assert False, "first failure stops the run"


def test_b_queued():
    assert True


def test_c_queued():
    assert True


def test_d_queued():
    assert True
