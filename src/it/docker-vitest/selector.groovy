// Runs only where npm, a docker daemon and the base image of .ci/docker-setup.sh with Node.js exist. Under CI=true
// their absence is an error: .ci/run provides them (SPEC §3.3).
def image = System.getenv('OFFLOAD_TEST_IMAGE') ?: 'offload-test-base:bookworm'
def probe = ['sh', '-c', "command -v npm >/dev/null && docker run --rm --network none ${image} node --version >/dev/null 2>&1"].execute()
probe.waitFor()
if (probe.exitValue() == 0) {
    return true
}
if (System.getenv('CI') == 'true') {
    throw new IllegalStateException("npm, docker, the image ${image} or node in it is missing, but CI=true requires them (.ci/run, .ci/docker-setup.sh)")
}
println "SKIPPED ${basedir.name}: npm, docker, the image ${image} or node in it is missing (run .ci/docker-setup.sh)"
return false
