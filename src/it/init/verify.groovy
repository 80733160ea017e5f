def toml = new File(basedir, 'offload.toml')
assert toml.isFile()
def content = toml.text
assert content.contains('[offload]')
assert content.contains('type = "local"')
assert content.contains('type = "junit"')
def log = new File(basedir, 'build.log').text
assert log.contains("[INFO] Created ${toml.canonicalPath}")
assert log.contains('[INFO] Configuration is valid!')
assert log.contains("${toml.canonicalPath} already exists; remove it or edit it")
assert toml.text == content : 'the refused init left the file unchanged'
