// setup-merge-driver edits the enclosing repository: give this project its own, so the build's own checkout
// (which contains target/it/) is never touched. Without git the IT must stop here.
def init = ['git', 'init', '-q', basedir.absolutePath].execute()
init.waitFor()
assert init.exitValue() == 0 : "git init failed: ${init.err.text}"
assert new File(basedir, '.git').isDirectory()
