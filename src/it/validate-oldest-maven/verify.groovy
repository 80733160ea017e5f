def log = new File(basedir, 'build.log').text
assert log.contains('Apache Maven 3.6.3') : 'the goals ran under Maven 3.6.3'
assert !log.contains('requires Maven version')
assert log.contains('[INFO] Configuration is valid!')
assert log.contains('Tests: 5, Passed: 5, Skipped: 0, Flakes: 0')
assert log.contains('All tests passed.')
assert new File(basedir, 'target/offload/junit.xml').isFile()
assert log.contains('BUILD SUCCESS')
