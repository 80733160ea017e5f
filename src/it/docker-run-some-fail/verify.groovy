import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('Offload: 2 failed, 0 not run, 0 errors') : 'the same verdicts as the local run-some-fail IT'
assert log.contains('  tests/test_mixed.py::test_broken_math [FAILED]')
assert log.contains('  tests/test_mixed.py::test_broken_string [FAILED]')

def summary = new JsonSlurper().parse(new File(basedir, 'target/offload/summary.json'))
assert summary.counts.failed == 2
assert summary.counts.passed == 2

// The Maven build failed: every container of the run is gone all the same (checked through the docker CLI here).
def ps = ['docker', 'ps', '-aq', '--filter', "label=dev.offload.run-id=${summary.run_id}"].execute()
def left = ps.text.trim()
ps.waitFor()
assert ps.exitValue() == 0
assert left.isEmpty() : "containers left behind by run ${summary.run_id}: ${left}"
