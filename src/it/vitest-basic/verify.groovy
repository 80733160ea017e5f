def log = new File(basedir, 'build.log').text
def junit = new File(basedir, 'target/offload/junit.xml')
assert junit.isFile() : 'target/offload/junit.xml is missing'
def xml = new groovy.xml.XmlSlurper().parse(junit)
def cases = xml.'**'.findAll { it.name() == 'testcase' }
// Offload's junit.xml names each testcase by its full test id
def byName = cases.collectEntries { [(it.@name.text()): it] }

def expectPassed = [
    'tests/basic.test.ts > adds',
    'tests/basic.test.ts > outer > inner > nested works',
    'tests/basic.test.ts > sum(1, 1) = 2',
    'tests/basic.test.ts > sum(2, 3) = 5',
    'tests/basic.test.ts > quotes \' and " and a > b (x|y) $1 [z]',
    // repeated names: one unit, reported separately
    'tests/repeated.test.ts > loop',
    'tests/repeated.test.ts > loop [#2]',
    'tests/repeated.test.ts > object',
    'tests/repeated.test.ts > object [#2]',
]
expectPassed.each { id ->
    def tc = byName[id]
    assert tc != null : "missing testcase ${id} in ${byName.keySet()}"
    assert tc.failure.size() == 0 && tc.error.size() == 0 && tc.flakyFailure.size() == 0 : "${id} should pass"
}
def failing = byName['tests/basic.test.ts > fails on purpose']
assert failing != null && failing.failure.size() == 1 : 'the failing test must have a <failure>'
def flaky = byName['tests/nested/flaky.test.ts > flaky once']
assert flaky != null && flaky.failure.size() == 0 && flaky.flakyFailure.size() >= 1 : 'flaky once must be flaky'
// test.skip is never listed by vitest, but vitest reports it: so does Offload, once, as skipped (SPEC 7.2)
['tests/basic.test.ts > skipped test', 'tests/repeated.test.ts > todo later', 'tests/repeated.test.ts > off > inside'].each { id ->
    def skipped = byName[id]
    assert skipped != null && skipped.skipped.size() == 1 : "${id} must be reported as skipped"
}
assert cases.size() == 14 : "expected 14 testcases, got ${cases.size()}: ${byName.keySet()}"

assert new File(basedir, 'target/offload/junit-parts').listFiles().any { it.name ==~ /batch-\d+\.json/ }
assert log.contains('tests/basic.test.ts > fails on purpose')
assert log.contains('BUILD FAILURE')
