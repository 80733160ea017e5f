import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

// Surefire's result line of each execution: plain first, then the engine. They must be equal.
def results = log.readLines()
        .collect { it.replaceFirst(/^\[\w+\] /, '') }
        .findAll { it ==~ /Tests run: \d+, Failures: \d+, Errors: \d+, Skipped: \d+/ }
assert results.size() == 3 : "expected three Surefire result lines, got ${results}"
// CleanupFailsTest's @AfterAll failure counts as one more test with an error, under the engine as in plain Surefire.
assert results[0] == 'Tests run: 21, Failures: 3, Errors: 1, Skipped: 1' : "plain Surefire: ${results[0]}"
assert results[1] == results[0] : "engine ${results[1]} differs from plain Surefire ${results[0]}"

// The slow classes ran in more than one JVM under the engine, and in Surefire's single fork otherwise.
def pids = { String run ->
    def dir = new File(basedir, "target/pids-${run}")
    assert dir.isDirectory() : "no ${dir}"
    dir.listFiles().collect { it.text.trim() } as Set
}
assert pids('plain').size() == 1
def offloadPids = pids('offload')
assert offloadPids.size() >= 2 : "slow classes ran in ${offloadPids} only"
def forkPid = pids('plain')
assert !offloadPids.intersect(forkPid)

// Surefire's XML under the engine: the same testcases, each with its own output, real durations.
def cases = { String run ->
    def map = [:]
    new File(basedir, "target/${run}-reports").listFiles()
            .findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }
            .each { file ->
                new XmlSlurper().parse(file).testcase.each { tc ->
                    map["${tc.@classname}#${tc.@name}".toString()] = [
                        time: tc.@time.text() as double,
                        out: tc.'system-out'.text().trim(),
                        err: tc.'system-err'.text().trim(),
                        failure: tc.failure.size() > 0,
                        failureType: tc.failure.@type.text(),
                        failureMessage: tc.failure.@message.text(),
                        skipped: tc.skipped.size() > 0,
                    ]
                }
            }
    map
}
def plain = cases('plain')
def offload = cases('offload')
assert offload.keySet() == plain.keySet() : "testcases differ: only plain ${plain.keySet() - offload.keySet()}, only offload ${offload.keySet() - plain.keySet()}"
plain.each { name, p ->
    def o = offload[name]
    assert o.failure == p.failure : name
    assert o.skipped == p.skipped : name
    assert o.out == p.out : "${name}: stdout '${o.out}' vs plain '${p.out}'"
    assert o.err == p.err : "${name}: stderr '${o.err}' vs plain '${p.err}'"
}
def cleanupErrors = new XmlSlurper().parse(new File(basedir, 'target/offload-reports/TEST-com.acme.CleanupFailsTest.xml'))
assert cleanupErrors.@errors.text() == '1' : "CleanupFailsTest errors: ${cleanupErrors.@errors}"
assert cleanupErrors.testcase.error.@message.text().contains('cleanup failed')
def failed = offload['com.acme.FailingTest#comparesWrongly']
assert failed.failureType == 'org.opentest4j.AssertionFailedError'
assert failed.failureMessage.contains('one and one')
assert offload['com.acme.PassingTest#addsUp'].out.contains('output of PassingTest.addsUp')
(1..4).each { i ->
    def slow = offload["com.acme.Slow${i}Test#takesAWhile".toString()]
    // Started when the sandbox streamed the start, finished at its end event: about the 1.5 s sleep (the start
    // event may reach Surefire up to ~0.6 s late on a loaded machine), never ~0 as a replay at the end would give.
    assert slow.time >= 0.5 && slow.time < 30 : "Slow${i}Test time ${slow.time}"
    assert slow.out.contains("output of Slow${i}Test.takesAWhile")
}

// Offload's own reports are in offload.outputDir.
def summary = new JsonSlurper().parse(new File(basedir, 'target/offload/summary.json'))
assert summary.counts.total >= 17
assert summary.counts.failed == 4 // three tests and CleanupFailsTest's @AfterAll
assert new File(basedir, 'target/offload/junit.xml').isFile()

// Third execution: -Dtest-style filter and a config with retry_count = 1. FlakyTest passes on its retry (a fresh
// JVM), the failing invocation fails twice and is reported once.
assert results[2] == 'Tests run: 5, Failures: 1, Errors: 0, Skipped: 0' : "filtered run: ${results[2]}"
def filtered = new JsonSlurper().parse(new File(basedir, 'target/offload-filtered/summary.json'))
assert filtered.counts.total == 5
assert filtered.counts.flaky == 1
assert filtered.flaky_tests.size() == 1 && filtered.flaky_tests[0].contains('FlakyTest')
assert filtered.counts.failed == 1
