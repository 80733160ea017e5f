import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('Offload: 1 failed, 0 not run, 0 errors')
assert log.contains('  tests/test_hang.py::test_hangs_in_a_child_process [FAILED]')

def out = new File(basedir, 'target/offload')
def junit = new XmlSlurper().parse(new File(out, 'junit.xml'))
def cases = junit.'**'.findAll { it.name() == 'testcase' }
assert cases.size() == 4
def hung = cases.find { it.@name == 'tests/test_hang.py::test_hangs_in_a_child_process' }
assert hung.failure.@type == 'offload.Timeout'
assert hung.failure.@message == 'timed out after 6s'
cases.findAll { it.@name != hung.@name }.each { assert it.children().size() == 0 : "${it.@name} passed" }

def summary = new JsonSlurper().parse(new File(out, 'summary.json'))
assert summary.counts == [total: 4, passed: 3, skipped: 0, flaky: 0, failed: 1, errors: 0, not_run: 0]
// Two 6 s limits (the batch, then the test alone) plus startup; a leaked wait would take 30 s more per run.
assert !new File(System.getProperty('java.io.tmpdir'), "offload-${summary.run_id}").exists()
assert summary.wall_time_secs < 60 : "run took ${summary.wall_time_secs}s"
assert new File(out, 'logs').list().any { it ==~ /batch-\d+\.stdout\.error/ } : 'a timed-out batch log ends in .error'

def ps = ['ps', '-eo', 'args'].execute()
def leftovers = ps.text.readLines().findAll { it.contains('30.0731') }
assert leftovers.isEmpty() : "processes outlived the run: ${leftovers}"
