import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('parallel must be at least 1, found 0')
assert !log.contains('internal error')
assert !log.contains('IllegalArgumentException')
assert log.contains('BUILD FAILURE')
def summary = new JsonSlurper().parse(new File(basedir, 'target/offload/summary.json'))
assert summary.outcome == 'error'
assert summary.error == 'parallel must be at least 1, found 0'
