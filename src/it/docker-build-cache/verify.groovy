def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def head = ['git', '-C', basedir.absolutePath, 'rev-parse', 'HEAD'].execute().text.trim()
def sha8 = head.substring(0, 8)
assert log.contains("[cache] Latest-commit miss: no cached image for ${sha8} -- building base")
assert log.contains("[cache] Latest-commit hit: using cached image from ${sha8}")
assert log.count('[prepare] starting: base build') == 1 : 'the second build must not build'
def ids = (log =~ /Image: (\S+)/).collect { it[1] }
assert ids.size() == 2 && ids[0] == ids[1] : "both builds print the same image id: ${ids}"
def note = ['git', '-C', basedir.absolutePath, 'notes', '--ref=refs/notes/offload-images', 'show', head].execute().text
assert note.contains('"offload.toml"') && note.contains(ids[0])
