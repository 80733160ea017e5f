import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('Offload: 1 failed, 3 not run, 0 errors')
assert log.contains('  tests/test_ordered.py::test_a_fails [FAILED]')
assert log.contains('  tests/test_ordered.py::test_b_queued [NOT_RUN]')

def out = new File(basedir, 'target/offload')
def junit = new XmlSlurper().parse(new File(out, 'junit.xml'))
def cases = junit.'**'.findAll { it.name() == 'testcase' }
assert cases.size() == 4
assert cases.find { it.@name == 'tests/test_ordered.py::test_a_fails' }.failure.size() == 1
def notRun = cases.findAll { it.error.@type == 'offload.NotRun' }
assert notRun*.@name*.text().sort() == [
        'tests/test_ordered.py::test_b_queued',
        'tests/test_ordered.py::test_c_queued',
        'tests/test_ordered.py::test_d_queued']
notRun.each { assert it.error.@message == 'not run: cancelled by --fail-fast' }

def summary = new JsonSlurper().parse(new File(out, 'summary.json'))
assert summary.counts.failed == 1
assert summary.counts.not_run == 3
assert summary.not_run_tests*.id.sort() == notRun*.@name*.text().sort()
assert summary.not_run_tests*.cause.unique() == ['cancelled by --fail-fast']
