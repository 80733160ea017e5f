import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
// The same verdicts as the local provider gives this suite (src/it/run-some-fail).
assert log.contains('Offload: 2 failed, 0 not run, 0 errors') : 'failure counts in build.log'
assert log.contains('  tests/test_mixed.py::test_broken_math [FAILED]')
assert log.contains('  tests/test_mixed.py::test_broken_string [FAILED]')
assert log =~ /Estimated cost: \$\d+\.\d{4} \(\d+\.\d core-seconds\)/

def out = new File(basedir, 'target/offload')
def junit = new XmlSlurper().parse(new File(out, 'junit.xml'))
assert junit.@tests == '5'
assert junit.@failures == '2'
def broken = junit.'**'.find { it.name() == 'testcase' && it.@name == 'tests/test_mixed.py::test_broken_math' }
assert broken.rerunFailure.size() == 1 : 'the retry ran in a sandbox too'

def summary = new JsonSlurper().parse(new File(out, 'summary.json'))
assert summary.counts.passed == 3
assert summary.counts.failed == 2
assert summary.estimated_cost_usd > 0 : 'default provider: 0.00003942 USD per core-second'

// Every sandbox that was created was destroyed, and its directory is gone.
def lifecycle = new File(basedir, 'target/lifecycle.log').readLines()
def created = lifecycle.count { it == 'create' }
def destroyed = lifecycle.findAll { it.startsWith('destroy ') }.collect { it.substring(8) }
assert created > 0 && created == destroyed.size() : lifecycle
destroyed.each { assert !new File(it).exists() : "sandbox directory left behind: $it" }

// The artifact written inside a sandbox came back under artifacts/batch-N/.
def artifacts = []
new File(out, 'artifacts').eachFileRecurse { if (it.isFile()) artifacts << it }
assert artifacts.size() == 1 : artifacts
assert artifacts[0].path.replace('\\', '/') =~ /artifacts\/batch-\d+\/out\/report\.txt$/
assert artifacts[0].text.startsWith('written in sandbox ')
