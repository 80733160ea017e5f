import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Tests: 4, Passed: 4, Skipped: 0, Flakes: 0')

def out = new File(basedir, 'target/offload')
def logs = new File(out, 'logs').list().toList()
assert logs.any { it ==~ /batch-\d+\.stdout\.error/ } : "the killed batch's log ends in .error: ${logs}"
assert logs.any { it ==~ /batch-\d+\.stderr\.error/ }

def junit = new XmlSlurper().parse(new File(out, 'junit.xml'))
def ids = junit.'**'.findAll { it.name() == 'testcase' }*.@name*.text()
assert ids.sort() == [
        'tests/test_crash.py::test_after',
        'tests/test_crash.py::test_before',
        'tests/test_crash.py::test_elsewhere',
        'tests/test_crash.py::test_kills_its_runner'] : "each test exactly once: ${ids}"
assert junit.@errors == '0'

def summary = new JsonSlurper().parse(new File(out, 'summary.json'))
assert summary.outcome == 'pass'
assert summary.counts.total == 4
assert summary.counts.passed == 4
