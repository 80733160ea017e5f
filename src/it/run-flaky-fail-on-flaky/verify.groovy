import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('Offload: 1 flaky test (failed, then passed on retry):')
assert log.contains('  tests/test_cache.py::test_settles_on_retry')
assert log.contains('offload.failOnFlaky is set.')

def junit = new XmlSlurper().parse(new File(basedir, 'target/offload/junit.xml'))
assert junit.@flakes == '1'
