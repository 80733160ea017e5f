def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'offload.toml').canonicalPath
def expected = file + ':2:1: offload.max_parallel: expected integer, found string'
assert log.contains(expected) : "expected '${expected}' in build.log"
assert log.contains('Fix ' + file + ', or set the offload.config property to the file to use.')
assert log.contains('BUILD FAILURE')
