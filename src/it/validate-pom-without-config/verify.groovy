def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'offload.toml').canonicalPath
assert log.contains("[INFO] Skipping Offload in pom module validate-pom-without-config: no ${file}")
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'offload.toml').exists()
