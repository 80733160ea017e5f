import groovy.json.JsonSlurper

def left = { String marker ->
    ProcessHandle.allProcesses()
            .filter { it.isAlive() && it.info().commandLine().orElse('').contains(marker) }
            .count()
}
assert new File(basedir, 'signal.log').text.startsWith('SIGTERM to ')
def summary = new JsonSlurper().parse(new File(basedir, 'target/offload/summary.json'))
assert summary.outcome == 'error'
assert summary.error.contains('interrupted during test discovery')
// Killed with its process group, orphaned grandchild included; give a killed process a moment to go.
long deadline = System.currentTimeMillis() + 10_000
while (left('sleep 4805') > 0 && System.currentTimeMillis() < deadline) {
    sleep 100
}
assert left('sleep 4805') == 0 : 'discovery processes left behind'
