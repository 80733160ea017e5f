import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('Offload: 2 failed, 0 not run, 1 errors')

def J = '[engine:junit-jupiter]'
def m = { cls, method -> "${J}/[class:com.acme.${cls}]/[method:${method}]".toString() }
def template = "${J}/[class:com.acme.ParamTest]/[test-template:notTwo(int)]".toString()

def out = new File(basedir, 'target/offload')
def junit = new XmlSlurper().parse(new File(out, 'junit.xml'))
def cases = junit.'**'.findAll { it.name() == 'testcase' }
def byName = cases.collectEntries { [(it.@name.text()): it] }
def verdict = { tc ->
    if (tc.flakyFailure.size() > 0) return 'flaky'
    if (tc.failure.size() > 0) return 'failed'
    if (tc.error.size() > 0) return 'error'
    if (tc.skipped.size() > 0) return 'skipped'
    return 'passed'
}
def expected = [
    (m('PassingTest', 'adds()')): 'passed',
    (m('PassingTest', 'multiplies()')): 'passed',
    (m('FailingTest', 'subtracts()')): 'failed',
    (m('FlakyTest', 'settlesOnRetry()')): 'flaky',
    (m('DisabledTest', 'notYet()')): 'skipped',
    (m('DisabledTest', 'enabled()')): 'passed',
    ("${template}/[test-template-invocation:#1]".toString()): 'passed',
    ("${template}/[test-template-invocation:#2]".toString()): 'failed',
    ("${template}/[test-template-invocation:#3]".toString()): 'passed',
    (m('NestedTest', 'outer()')): 'passed',
    ("${J}/[class:com.acme.NestedTest]/[nested-class:Inner]/[method:inner()]".toString()): 'passed',
    (m('BeforeAllTest', 'first()')): 'passed',
    (m('BeforeAllTest', 'second()')): 'passed',
    (m('ExitTest', 'exits()')): 'error',
    (m('SlowOneTest', 'takesTime()')): 'passed',
    (m('SlowTwoTest', 'takesTime()')): 'passed',
    (m('SlowThreeTest', 'takesTime()')): 'passed',
    (m('SlowFourTest', 'takesTime()')): 'passed',
]
expected.each { id, v ->
    assert byName.containsKey(id) : "missing testcase ${id}; have ${byName.keySet()}"
    assert verdict(byName[id]) == v : "${id}: expected ${v}, got ${verdict(byName[id])}"
}
assert cases.size() == expected.size() : "testcases: ${byName.keySet()}"
assert !byName.containsKey(template) : 'the template is reported through its invocations'
// Surefire-like classnames, so report viewers group by class.
assert byName["${template}/[test-template-invocation:#2]".toString()].@classname == 'com.acme.ParamTest'
assert byName["${J}/[class:com.acme.NestedTest]/[nested-class:Inner]/[method:inner()]".toString()].@classname == 'com.acme.NestedTest$Inner'
assert byName[m('FailingTest', 'subtracts()')].failure.@message.text().contains('subtraction is broken')
// Each test's own output is captured by the runner in the batch JVM.
def parts = new File(out, 'junit-parts').listFiles().collect { it.text }
assert parts.any { it.contains('adding numbers') && it.contains('<system-out>') }
// System.exit in a test: the batch log names the test that was running.
def logs = new File(out, 'logs').listFiles().findAll { it.name.contains('.stderr.') }.collect { it.text }
assert logs.any { it.contains('the JVM is exiting while ' + m('ExitTest', 'exits()') + ' runs') }
// ... and so does the ERROR's message: the exit status and the test from its start event.
assert byName[m('ExitTest', 'exits()')].error.@message.text().contains(
        'the batch JVM exited with status 7 while ' + m('ExitTest', 'exits()') + ' was running')

def summary = new JsonSlurper().parse(new File(out, 'summary.json'))
assert summary.outcome == 'fail'
assert summary.counts.total == expected.size()
assert summary.counts.passed == 13
assert summary.counts.failed == 2
assert summary.counts.flaky == 1
assert summary.counts.skipped == 1
assert summary.counts.errors == 1
assert summary.error_tests*.id == [m('ExitTest', 'exits()')]

// The slow classes ran in parallel batch JVMs.
def pids = ['One', 'Two', 'Three', 'Four'].collect { new File(basedir, "target/pids/Slow${it}Test").text.trim() }
assert pids.unique(false).size() >= 2 : "slow classes all ran in one JVM: ${pids}"
return true
