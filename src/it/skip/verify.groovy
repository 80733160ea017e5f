def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Skipping Offload: offload.skip is true.')
assert log.contains('BUILD SUCCESS')
