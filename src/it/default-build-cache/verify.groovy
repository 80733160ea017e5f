def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def head = ['git', '-C', basedir.absolutePath, 'rev-parse', 'HEAD'].execute().text.trim()
def sha8 = head.substring(0, 8)
assert log.contains("[cache] Latest-commit miss: no cached image for ${sha8} -- building base")
assert log.contains("[cache] Latest-commit hit: using cached image from ${sha8}")
def runs = new File(basedir, 'target/prepare-count').readLines()
assert runs.size() == 1 : "prepare_command must run once, ran: ${runs}"
assert runs[0].contains('--context-dir=') && runs[0].contains('--sandbox-project-root=.')
def ids = (log =~ /Image: (\S+)/).collect { it[1] }
assert ids == ['image-1', 'image-1'] : "both builds print the first build's image id: ${ids}"
def note = ['git', '-C', basedir.absolutePath, 'notes', '--ref=refs/notes/offload-images', 'show', head].execute().text
assert note.contains('"offload.toml"') && note.contains('"image-1"')
