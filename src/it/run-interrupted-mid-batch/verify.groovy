import groovy.json.JsonSlurper

def left = { String marker ->
    ProcessHandle.allProcesses()
            .filter { it.isAlive() && it.info().commandLine().orElse('').contains(marker) }
            .count()
}
assert new File(basedir, 'signal.log').text.startsWith('SIGINT to ')
def summary = new JsonSlurper().parse(new File(basedir, 'target/offload/summary.json'))
assert summary.outcome == 'fail'
assert summary.counts.not_run == 4
assert summary.not_run_tests.every { it.cause == 'interrupted' }
assert new File(basedir, 'target/offload/junit.xml').text.contains('not run: interrupted')
long deadline = System.currentTimeMillis() + 10_000
while (left('sleep 4806') > 0 && System.currentTimeMillis() < deadline) {
    sleep 100
}
assert left('sleep 4806') == 0 : 'batch processes left behind'
