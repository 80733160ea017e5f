def log = new File(basedir, 'build.log').text
def junit = new File(basedir, 'target/offload/junit.xml')
assert junit.isFile() : 'target/offload/junit.xml is missing'
def cases = new groovy.xml.XmlSlurper().parse(junit).'**'.findAll { it.name() == 'testcase' }
// Offload's junit.xml names each testcase by its full test id: "<binary-id> <test name>"
def byId = cases.collectEntries { [(it.@name.text()): it] }

assert byId.keySet() == [
    'offload_it_nextest tests::adds',
    'offload_it_nextest tests::fails_on_purpose',
    'offload_it_nextest tests::ignored_slow', // include_ignored = true adds it (--run-ignored all)
    'offload_it_nextest::round_trip round_trip',
] as Set : "unexpected testcases ${byId.keySet()}"
['offload_it_nextest tests::adds', 'offload_it_nextest tests::ignored_slow',
 'offload_it_nextest::round_trip round_trip'].each { id ->
    assert byId[id].failure.size() == 0 && byId[id].error.size() == 0 : "${id} should pass"
    assert byId[id].@classname.text().startsWith('offload_it_nextest')
}
def failing = byId['offload_it_nextest tests::fails_on_purpose']
assert failing.failure.size() == 1 && failing.failure.text().contains('two and two')
assert new File(basedir, 'target/offload/junit-parts').listFiles().any { it.name ==~ /batch-\d+\.xml/ }
assert log.contains('offload_it_nextest tests::fails_on_purpose')
assert log.contains('BUILD FAILURE')
