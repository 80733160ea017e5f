import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def verdicts = { String dir ->
    def junit = new File(basedir, "${dir}/junit.xml")
    assert junit.isFile() : "${dir}/junit.xml is missing"
    def cases = new XmlSlurper().parse(junit).'**'.findAll { it.name() == 'testcase' }
    cases.collectEntries { tc ->
        def v = tc.flakyFailure.size() > 0 ? 'flaky'
                : tc.failure.size() > 0 ? 'failed'
                : tc.error.size() > 0 ? 'error'
                : tc.skipped.size() > 0 ? 'skipped' : 'passed'
        [(tc.@name.text()): v]
    }
}
def local = verdicts('target/offload-local')
def docker = verdicts('target/offload')
assert docker == local : "docker verdicts differ from local:\n local:  ${local}\n docker: ${docker}"
// Not trivially equal: the suite's failing and flaky tests are there, and most pass.
assert local['tests/basic.test.ts > fails on purpose'] == 'failed'
assert local['tests/nested/flaky.test.ts > flaky once'] == 'flaky'
assert local.values().count { it == 'passed' } >= 5

// The second run really used containers, and removed them all.
def summary = new JsonSlurper().parse(new File(basedir, 'target/offload/summary.json'))
def log = new File(basedir, 'build.log').text
assert log.contains('[prepare] finished: base build') : 'the docker run built its image with the project'
def ps = ['docker', 'ps', '-aq', '--filter', "label=dev.offload.run-id=${summary.run_id}"].execute()
def left = ps.text.trim()
ps.waitFor()
assert ps.exitValue() == 0
assert left.isEmpty() : "containers left behind by run ${summary.run_id}: ${left}"
return true
