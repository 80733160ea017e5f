import subprocess


def test_quick_one():
    assert True


def test_hangs_in_a_child_process():
    # The odd duration is the marker verify.groovy looks for: the child must not outlive the run.
    subprocess.run(["sleep", "30.0731"], check=True)


def test_quick_two():
    assert True


def test_quick_three():
    assert True
