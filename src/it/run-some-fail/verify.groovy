import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('Offload: 2 failed, 0 not run, 0 errors') : 'failure counts in build.log'
assert log.contains('  tests/test_mixed.py::test_broken_math [FAILED]')
assert log.contains('  tests/test_mixed.py::test_broken_string [FAILED]')
assert !log.contains('test_passes [')
assert log.contains('Tests failed: 2 failed, 0 not run, 0 errors.')
assert log.find(/Report: \S*target[\/\\]offload[\/\\]report\.html/) : 'the failure names report.html'

def out = new File(basedir, 'target/offload')
def junit = new XmlSlurper().parse(new File(out, 'junit.xml'))
assert junit.@tests == '4'
assert junit.@failures == '2'
assert junit.@errors == '0'
def cases = junit.'**'.findAll { it.name() == 'testcase' }
assert cases.size() == 4
def broken = cases.find { it.@name == 'tests/test_mixed.py::test_broken_math' }
assert broken.failure.size() == 1 : 'first attempt as <failure>'
assert broken.failure.text().contains('arithmetic is broken')
assert broken.rerunFailure.size() == 1 : 'retry_count 1 gives one <rerunFailure>'
assert broken.rerunFailure.@message.text().contains('arithmetic is broken')
def passing = cases.find { it.@name == 'tests/test_mixed.py::test_passes' }
assert passing.children().size() == 0 : 'a passing testcase has no children'

def summary = new JsonSlurper().parse(new File(out, 'summary.json'))
assert summary.outcome == 'fail'
assert summary.exit_code == 1
assert summary.counts.failed == 2
assert summary.counts.passed == 2
assert summary.failed_tests.sort() == ['tests/test_mixed.py::test_broken_math', 'tests/test_mixed.py::test_broken_string']
assert new File(out, 'logs').list().any { it.endsWith('.stdout.failure') }

def html = new File(out, 'report.html').text
assert html.contains('<summary><span class="id">tests/test_mixed.py::test_broken_math</span>')
assert html.contains('arithmetic is broken')
assert html.contains('<svg class="timeline"')
