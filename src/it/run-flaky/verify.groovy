import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('[WARNING] Offload: 1 flaky test (failed, then passed on retry):')
assert log.contains('  tests/test_cache.py::test_settles_on_retry')
assert log.contains('Tests: 3, Passed: 2, Skipped: 0, Flakes: 1')
assert log.contains('All tests passed (1 flaky).')

def out = new File(basedir, 'target/offload')
def junit = new XmlSlurper().parse(new File(out, 'junit.xml'))
assert junit.@flakes == '1'
assert junit.@failures == '0'
def flaky = junit.'**'.find { it.name() == 'testcase' && it.@name == 'tests/test_cache.py::test_settles_on_retry' }
assert flaky.flakyFailure.size() == 1
assert flaky.flakyFailure.@message.text().contains('first attempt fails')
assert flaky.failure.size() == 0

def summary = new JsonSlurper().parse(new File(out, 'summary.json'))
assert summary.outcome == 'flaky'
assert summary.exit_code == 2
assert summary.flaky_tests == ['tests/test_cache.py::test_settles_on_retry']
