// The image cache lives in git notes: make the cloned project a repository with one commit.
def git = { List<String> args ->
    def p = (['git', '-C', basedir.absolutePath] + args).execute()
    def out = p.text
    p.waitFor()
    if (p.exitValue() != 0) {
        throw new IllegalStateException("git ${args.join(' ')} failed: ${p.err.text}${out}")
    }
}
new File(basedir, '.gitignore').text = new File(basedir, 'gitignore.txt').text
git(['init', '-q', '-b', 'main'])
git(['-c', 'user.email=it@example.invalid', '-c', 'user.name=IT', 'add', '-A'])
git(['-c', 'user.email=it@example.invalid', '-c', 'user.name=IT', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'base'])
return true
