// Installs the locked vitest (node_modules is not committed), makes the project a git repository with one commit
// (the image cache lives in git notes), and names the host directory the containers share in offload.toml.
def run = { List<String> cmd ->
    def p = new ProcessBuilder(cmd).directory(basedir).redirectErrorStream(true).start()
    def out = p.inputStream.text
    p.waitFor()
    if (p.exitValue() != 0) {
        throw new IllegalStateException("docker-vitest: ${cmd.join(' ')} failed with status ${p.exitValue()}:\n${out}")
    }
    out
}
new File(basedir, 'npm-ci.log').text = run(['npm', 'ci', '--no-audit', '--no-fund'])
def shared = new File(basedir, 'target/shared')
shared.mkdirs()
def toml = new File(basedir, 'offload.toml')
toml.text = toml.text.replace('@SHARED@', shared.absolutePath)
new File(basedir, '.gitignore').text = new File(basedir, 'gitignore.txt').text
def id = ['-c', 'user.email=it@example.invalid', '-c', 'user.name=IT', '-c', 'commit.gpgsign=false']
run(['git', 'init', '-q', '-b', 'main'])
run(['git'] + id + ['add', '-A'])
run(['git'] + id + ['commit', '-q', '-m', 'base'])
return true
