import groovy.json.JsonSlurper

def lines = new File(basedir, 'build.log').readLines()
def all = ['one', 'two', 'three', 'four', 'five'].collect { "tests/test_many.py::test_${it}".toString() }

// Text: the heading, then one indented id per line.
int heading = lines.findIndexOf { it ==~ /\[INFO\] Shard 1\/2: \d+ of 5 tests across 1 groups \(estimated .*s\):/ }
assert heading >= 0 : 'shard heading in build.log'
def first = lines.drop(heading + 1).takeWhile { !it.contains('BUILD SUCCESS') }
        .findAll { it.startsWith('[INFO]   tests/') }
        .collect { it.substring('[INFO]   '.length()) }
assert lines[heading].contains("Shard 1/2: ${first.size()} of 5 tests")

// JSON: a pretty-printed array logged line by line.
int start = lines.findLastIndexOf { it.startsWith('[INFO] [ {') }
int end = lines.findLastIndexOf { it == '[INFO] } ]' }
assert start >= 0 && end > start : 'a JSON array in build.log'
def text = lines.subList(start, end + 1).collect { it.substring('[INFO] '.length()) }.join('\n')
def entries = new JsonSlurper().parseText(text)
def second = entries*.id

assert !first.isEmpty() && !second.isEmpty()
assert first.intersect(second).isEmpty() : "shards overlap: ${first} / ${second}"
assert (first + second).sort() == all.sort() : "shards cover every test: ${first} + ${second}"
def entry = entries[0]
assert entry.keySet() == ['id', 'name', 'file', 'retry_count', 'group', 'schedule_individual', 'estimated_secs'] as Set
assert entry.name == entry.id.substring(entry.id.lastIndexOf('::') + 2)
assert entry.file == 'tests/test_many.py'
assert entry.group == 'unit'
assert entry.retry_count == 1
assert entry.schedule_individual == false
