// Installs the locked vitest into the cloned project before Offload runs (node_modules is not committed).
def npm = new ProcessBuilder('npm', 'ci', '--no-audit', '--no-fund')
        .directory(basedir)
        .redirectErrorStream(true)
        .start()
def output = npm.inputStream.text
npm.waitFor()
new File(basedir, 'npm-ci.log').text = output
if (npm.exitValue() != 0) {
    throw new IllegalStateException("vitest-basic: npm ci failed with status ${npm.exitValue()}:\n${output}")
}
return true
