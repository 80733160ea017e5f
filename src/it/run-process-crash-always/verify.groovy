import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def lines = new File(basedir, 'build.log').readLines()
def log = lines.join('\n')
def id = 'tests/test_crash.py::test_always_kills_its_runner'
assert log.contains('Offload: 0 failed, 0 not run, 1 errors')
assert log.contains("  ${id} [ERROR]")

def out = new File(basedir, 'target/offload')
def junit = new XmlSlurper().parse(new File(out, 'junit.xml'))
def cases = junit.'**'.findAll { it.name() == 'testcase' }
assert cases*.@name*.text().sort() == ['tests/test_crash.py::test_always_kills_its_runner', 'tests/test_crash.py::test_fine']
def crashed = cases.find { it.@name == id }
assert crashed.error.@type == 'offload.InfrastructureError'
assert crashed.error.@message.text().contains('died: exit 137') : "the cause says the sandbox process died: ${crashed.error.@message}"
assert junit.@errors == '1'

// One first run and three re-queues, each ending in an infrastructure error (SPEC §10.5).
def errorLogs = new File(out, 'logs').list().findAll { it ==~ /batch-\d+\.stdout\.error/ }
assert errorLogs.size() == 4 : "error batch logs: ${errorLogs}"

def summary = new JsonSlurper().parse(new File(out, 'summary.json'))
assert summary.outcome == 'fail'
assert summary.counts == [total: 2, passed: 1, skipped: 0, flaky: 0, failed: 0, errors: 1, not_run: 0]
assert summary.error_tests*.id == [id]

int start = lines.findLastIndexOf { it.contains(':logs (default-cli)') }
assert start >= 0
def logsOutput = lines.drop(start + 1).join('\n')
assert logsOutput.contains("=== ${id} [ERROR] ===")
assert !logsOutput.contains('test_fine')
assert logsOutput.contains('BUILD SUCCESS')
