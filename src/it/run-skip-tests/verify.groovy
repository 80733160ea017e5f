def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Tests are skipped.')
assert !log.contains('[discover]')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/offload').exists()
