import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

def results = log.readLines()
        .collect { it.replaceFirst(/^\[\w+\] /, '') }
        .findAll { it ==~ /Tests run: \d+, Failures: \d+, Errors: \d+, Skipped: \d+/ }
assert results.size() == 2 : "expected two Surefire result lines, got ${results}"
// PassingTest 2, FailingTest 2 (1 failure), ParamTest 3 (1 failure), DisabledTest 2 (1 skipped), NestedTest 2, Slow 2.
assert results[0] == 'Tests run: 13, Failures: 2, Errors: 0, Skipped: 1' : "plain Surefire: ${results[0]}"
assert results[1] == results[0] : "engine ${results[1]} differs from plain Surefire ${results[0]}"

// The sandbox JVMs ran Jupiter 5.14 from the project's own class path.
def junit = new XmlSlurper().parse(new File(basedir, 'target/offload/junit.xml'))
assert junit.@tests == '13'
def summary = new JsonSlurper().parse(new File(basedir, 'target/offload/summary.json'))
assert summary.counts.failed == 2
def pids = new File(basedir, 'target/pids-offload').listFiles().collect { it.text.trim() } as Set
assert pids.size() == 2 : "slow classes ran in ${pids}"
