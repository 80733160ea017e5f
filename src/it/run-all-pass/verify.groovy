import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('Tests: 5, Passed: 5, Skipped: 0, Flakes: 0') : 'counts line in build.log'
assert log.contains('All tests passed.')
assert log =~ /Test Results \(run \w+\):/
assert !log.contains('Skipped:   ') : 'the Skipped line is printed only when some test was skipped'
assert log.contains('BUILD SUCCESS')

def out = new File(basedir, 'target/offload')
def junit = new XmlSlurper().parse(new File(out, 'junit.xml'))
assert junit.name() == 'testsuites'
assert junit.@tests == '5'
assert junit.@failures == '0'
assert junit.@errors == '0'
assert junit.@skipped == '0'
assert junit.@flakes == '0'
def ids = junit.'**'.findAll { it.name() == 'testcase' }*.@name*.text()
def suite = junit.testsuite
assert suite.size() == 1 && suite.@name == 'unit' : 'one testsuite per group'
assert junit.'**'.findAll { it.name() == 'testcase' }.every { it.@classname.text().startsWith('tests/test_') }
assert ids.sort() == [
        'tests/test_math.py::test_add',
        'tests/test_math.py::test_mul',
        'tests/test_math.py::test_sub',
        'tests/test_strings.py::test_join',
        'tests/test_strings.py::test_upper'] : "testcases: ${ids}"

def summary = new JsonSlurper().parse(new File(out, 'summary.json'))
assert summary.outcome == 'pass'
assert summary.exit_code == 0
assert summary.schema_version == 1
assert summary.config == new File(basedir, 'offload.toml').canonicalPath
assert summary.shard == null
assert summary.batches == 2
// The run temp directory is deleted at exit (SPEC §5.3, §17.3).
assert !new File(System.getProperty('java.io.tmpdir'), "offload-${summary.run_id}").exists()
assert summary.counts == [total: 5, passed: 5, skipped: 0, flaky: 0, failed: 0, errors: 0, not_run: 0]

def logs = new File(out, 'logs').list().sort()
def batches = logs.findAll { it.endsWith('.stdout.success') }
        .collect { (it =~ /^batch-(\d+)\.stdout\.success$/)[0][1] as int }.sort()
assert !batches.isEmpty()
assert batches == (0..<batches.size()).toList() : "contiguous batch numbers: ${logs}"
assert logs.every { it.endsWith('.success') } : "every batch log ends in success: ${logs}"
assert logs.size() == 2 * batches.size()
assert batches.every { logs.contains("batch-${it}.stderr.success".toString()) }
