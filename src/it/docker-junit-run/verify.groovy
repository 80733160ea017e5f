import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('Offload: 2 failed, 0 not run, 0 errors')
assert log =~ /Staged the class path for the sandboxes: \d+ files, [\d.]+ MiB/

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
// The verdicts of the same tests in the local junit-run IT, plus two that pass only inside a container.
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
    (m('ContainerTest', 'runsInAContainer()')): 'passed',
    (m('ContainerTest', 'readsATestResource()')): 'passed',
]
expected.each { id, v ->
    assert byName.containsKey(id) : "missing testcase ${id}; have ${byName.keySet()}"
    assert verdict(byName[id]) == v : "${id}: expected ${v}, got ${verdict(byName[id])}: ${byName[id].failure.@message}"
}
assert cases.size() == expected.size() : "testcases: ${byName.keySet()}"
assert byName[m('FailingTest', 'subtracts()')].failure.@message.text().contains('subtraction is broken')
def parts = new File(out, 'junit-parts').listFiles().collect { it.text }
assert parts.any { it.contains('adding numbers') && it.contains('<system-out>') }

// The staged class path: the project's test classes packed as a jar, the runner, JUnit; content-hash names.
def index = new File(out, '.offload/classpath.index').readLines()*.split('\t')
def staged = index.collect { it[0] }
assert staged.every { it ==~ /[0-9a-f]{16}-[A-Za-z0-9._-]+/ }
assert staged.any { it.endsWith('-test-classes.jar') }
assert staged.any { it.contains('offload-junit-engine') }
assert staged.any { it.contains('junit-jupiter-engine') }
assert new File(out, '.offload/classpath').list().sort() == staged.sort()
// The archive copied into each container (classpath.tar, beside it) is removed when the run ends.
assert !new File(out, '.offload/classpath.tar').exists()

def summary = new JsonSlurper().parse(new File(out, 'summary.json'))
assert summary.outcome == 'fail'
assert summary.counts.total == expected.size()
assert summary.counts.passed == 9
assert summary.counts.failed == 2
assert summary.counts.flaky == 1
assert summary.counts.skipped == 1

// The Maven build failed: every container of the run is gone all the same.
def ps = ['docker', 'ps', '-aq', '--filter', "label=dev.offload.run-id=${summary.run_id}"].execute()
def left = ps.text.trim()
ps.waitFor()
assert ps.exitValue() == 0
assert left.isEmpty() : "containers left behind by run ${summary.run_id}: ${left}"
return true
