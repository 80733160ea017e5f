def dir = new File(basedir, 'no-project')
def toml = new File(dir, 'offload.toml')
assert toml.isFile() : 'init wrote ./offload.toml in the directory Maven ran in'
assert toml.text.contains('type = "pytest"')
def log = new File(dir, 'build.log').exists() ? new File(dir, 'build.log').text : new File(basedir, 'build.log').text
assert log.contains("[INFO] Created ${toml.canonicalPath}")
