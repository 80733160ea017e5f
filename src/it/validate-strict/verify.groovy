def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'offload.toml').canonicalPath
def warning = "${file}:11:1: warning: unknown key 'groups.unit.retry_cont' (did you mean 'groups.unit.retry_count'?)"
assert log.contains('[WARNING] ' + warning) : "expected the warning '${warning}'"
def lenient = log.indexOf('BUILD SUCCESS')
def strict = log.indexOf('BUILD FAILURE')
assert lenient >= 0 && strict > lenient : 'lenient run succeeds, then the strict run fails'
def strictPart = log.substring(lenient)
assert strictPart.contains("${file}:11:1: unknown key 'groups.unit.retry_cont' (did you mean 'groups.unit.retry_count'?)")
