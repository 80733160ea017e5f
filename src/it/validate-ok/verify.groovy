def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Configuration is valid!')
assert log.contains('[INFO] Groups:')
assert log.contains('unit: retry_count = 1')
assert log.contains('slow: retry_count = 2')
assert log.contains('BUILD SUCCESS')
