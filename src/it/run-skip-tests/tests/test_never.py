def test_would_fail():
    assert False, "must not run with -DskipTests"
