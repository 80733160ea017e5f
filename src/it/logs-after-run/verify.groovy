def lines = new File(basedir, 'build.log').readLines()
assert lines.any { it.contains('Offload: 1 failed, 0 not run, 0 errors') } : 'the run failed first'

// What the logs goal printed: everything after its goal header.
int start = lines.findLastIndexOf { it.contains(':logs (default-cli)') }
assert start >= 0
def logs = lines.drop(start + 1).join('\n')
assert logs.contains('=== tests/test_mixed.py::test_settles_on_retry [FLAKY] ===')
assert logs.contains('--- attempt 1 ---')
assert logs.contains('first attempt fails')
assert !logs.contains('test_always_fails') : 'the flaky filter leaves out the failed test'
assert !logs.contains('test_passes')
assert logs.contains('BUILD SUCCESS')
