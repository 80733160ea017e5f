def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'offload.toml').canonicalPath
assert log.contains("Offload configuration file ${file} does not exist.")
assert log.contains('set the offload.config property')
assert log.contains('BUILD FAILURE')
