import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/offload')

// Invocation 1: the run recorded every attempt and wrote a trace.
def history = new File(basedir, 'offload-history.jsonl')
assert history.exists() : 'offload.recordHistory=true records history'
def recorded = history.readLines().collect { new JsonSlurper().parseText(it) }
assert recorded*.k*.get(1) == ['tests/test_durations.py::test_quick_a', 'tests/test_durations.py::test_quick_b',
                               'tests/test_durations.py::test_slow'] : 'sorted, one line per test'
assert recorded.every { it.k[0] == 'offload.toml' && it.v.n == 1 && it.v.ok.size() == 1 }
assert recorded.find { it.k[1].endsWith('test_slow') }.v.ok[0][2] >= 1.0
def trace = new JsonSlurper().parse(new File(out, 'trace.json'))
assert trace.findAll { it.ph == 'X' && it.name.startsWith('batch_') }.size() == new JsonSlurper().parse(new File(out, 'summary.json')).batches

// Invocation 2: plan from that history for 1, max_parallel (2), 4 and 8 sandboxes, cost included, running nothing.
assert log =~ /Plan for 3 tests/
assert log =~ /sandboxes 1: predicted wall [0-9.]+s \(lower bound [0-9.]+s, 1 batches\), estimated cost \$0\.0000/
assert log =~ /sandboxes 2: predicted wall [0-9.]+s \(lower bound 1\.[0-9]s, 2 batches\)/
assert log =~ /sandboxes 8: predicted wall/

// ... and the merge driver goal: nothing lost, counters combined, result in ours.
def merged = new File(basedir, 'merge/ours.jsonl').readLines().collect { new JsonSlurper().parseText(it) }
assert merged*.k*.get(1) == ['ours_only', 't', 'their_only']
def t = merged.find { it.k[1] == 't' }.v
assert t.n == 1 + 1 + 2
assert t.f == 1
assert t.last_run == 'thr2'
assert t.ok*.get(1) == [1000, 2000, 3000]
assert !new File(basedir, 'merge/ours.jsonl').text.contains('<<<<<<<')

// Invocation 3: setup-merge-driver, twice, in this project's own repository (setup.groovy ran git init).
assert log.contains('Updated .gitattributes')
assert log.contains('.gitattributes already configured')
assert log.contains('Git merge driver configured')
assert new File(basedir, '.gitattributes').text == 'offload-history.jsonl merge=offload-history\n'
def driver = ['git', '-C', basedir.absolutePath, 'config', 'merge.offload-history.driver'].execute()
driver.waitFor()
// No mvnw in this project: plain mvn (SPEC §6.4).
assert driver.text.trim() ==~ /mvn -q -N dev\.offload:offload-maven-plugin:[^:]+:history-merge -Doffload\.base=%O -Doffload\.ours=%A -Doffload\.theirs=%B/
def name = ['git', '-C', basedir.absolutePath, 'config', 'merge.offload-history.name'].execute()
name.waitFor()
assert name.text.trim() == 'Offload test history merger'
