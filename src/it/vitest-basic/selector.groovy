// Runs the IT only where npm exists. Under CI=true a missing npm is an error: .ci/run installs Node and npm (SPEC §3.3).
def npm = ['sh', '-c', 'command -v npm'].execute()
npm.waitFor()
if (npm.exitValue() == 0) {
    return true
}
if (System.getenv('CI') == 'true') {
    throw new IllegalStateException('vitest-basic: npm is not on PATH, but CI=true requires it (install Node.js 20 and npm)')
}
println 'SKIPPED vitest-basic: npm is not on PATH (install Node.js 20 and npm to run the vitest IT)'
return false
