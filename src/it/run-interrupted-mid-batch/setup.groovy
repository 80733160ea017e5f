// Sends SIGINT to this IT's Maven JVM once the marker file written by Offload's child shell appears: the JVM is
// the first ancestor of that shell running Maven's launcher (issue 11: interrupts under Maven).
def marker = new File(basedir, 'marker-pid')
Thread.start {
    long deadline = System.currentTimeMillis() + 120_000
    while (!(marker.exists() && marker.text.trim()) && System.currentTimeMillis() < deadline) {
        sleep 100
    }
    sleep 700 // let the commands after the marker start
    def shell = ProcessHandle.of(Long.parseLong(marker.text.trim())).orElse(null)
    def maven = shell
    while (maven != null && !maven.info().commandLine().orElse('').contains('classworlds')) {
        maven = maven.parent().orElse(null)
    }
    if (maven == null) {
        new File(basedir, 'signal.log').text = 'no Maven JVM found above ' + marker.text
        return
    }
    new File(basedir, 'signal.log').text = 'SIGINT to ' + maven.pid()
    new ProcessBuilder('kill', '-INT', Long.toString(maven.pid())).start().waitFor()
}
return true
