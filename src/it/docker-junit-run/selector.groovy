// Runs only where a docker daemon answers and the base image of .ci/docker-setup.sh has a JRE. Under CI=true their
// absence is an error: .ci/run provides both (SPEC §3.3).
def image = System.getenv('OFFLOAD_TEST_IMAGE') ?: 'offload-test-base:bookworm'
def probe = ['sh', '-c', "docker run --rm --network none ${image} java -version >/dev/null 2>&1"].execute()
probe.waitFor()
if (probe.exitValue() == 0) {
    return true
}
if (System.getenv('CI') == 'true') {
    throw new IllegalStateException("docker, the image ${image} or its JRE is missing, but CI=true requires them (.ci/docker-setup.sh)")
}
println "SKIPPED ${basedir.name}: docker, the image ${image} or java in it is missing (run .ci/docker-setup.sh)"
return false
