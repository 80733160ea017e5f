def test_passes():
    assert True


def test_broken_math():
    assert 1 + 1 == 3, "arithmetic is broken"


def test_also_passes():
    assert "x" * 2 == "xx"


def test_broken_string():
    assert "abc".upper() == "abc", "upper() changed the string"


def test_writes_an_artifact():
    import os

    os.makedirs("out", exist_ok=True)
    with open("out/report.txt", "w") as f:
        f.write("written in sandbox " + os.environ["OFFLOAD_SANDBOX_INDEX"])
