import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('Offload: 1 failed, 0 not run, 0 errors')
// The project declares no launcher: the plugin resolved the one of its Platform version.
assert !log.contains('Cannot resolve org.junit.platform:junit-platform-launcher')

def J = '[engine:junit-jupiter]'
def template = "${J}/[class:com.acme.ParamTest]/[test-template:notTwo(int)]"
def out = new File(basedir, 'target/offload')
def junit = new XmlSlurper().parse(new File(out, 'junit.xml'))
def cases = junit.'**'.findAll { it.name() == 'testcase' }
def names = cases.collect { it.@name.text() } as Set
assert names == [
    "${J}/[class:com.acme.PassingTest]/[method:adds()]",
    "${J}/[class:com.acme.PassingTest]/[method:multiplies()]",
    "${template}/[test-template-invocation:#1]",
    "${template}/[test-template-invocation:#2]",
    "${template}/[test-template-invocation:#3]",
    "${J}/[class:com.acme.NestedTest]/[method:outer()]",
    "${J}/[class:com.acme.NestedTest]/[nested-class:Inner]/[method:inner()]",
    "${J}/[class:com.acme.FlakyTest]/[method:settlesOnRetry()]",
].collect { it.toString() } as Set

def summary = new JsonSlurper().parse(new File(out, 'summary.json'))
assert summary.counts.total == 8
assert summary.counts.passed == 6
assert summary.counts.failed == 1
assert summary.counts.flaky == 1
assert summary.failed_tests == ["${template}/[test-template-invocation:#2]".toString()]
return true
