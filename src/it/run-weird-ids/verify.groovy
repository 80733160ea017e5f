import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Tests: 16, Passed: 16, Skipped: 0, Flakes: 0')

def junit = new XmlSlurper().parse(new File(basedir, 'target/offload/junit.xml'))
def ids = junit.'**'.findAll { it.name() == 'testcase' }*.@name*.text()
def p = 'tests/test_weird.py::test_param'
def expected = [
        "${p}[with spaces]",
        "${p}[single ' quote]",
        "${p}[double \" quote]",
        "${p}[\$(touch pwned)]",
        "${p}[`touch pwned_backtick`]",
        "${p}[semi; touch pwned_semicolon]",
        "${p}[[brackets]]",
        "${p}[back\\\\slash]",
        "${p}[glob * ?]",
        "${p}[dollar \$HOME]",
        "${p}[colons::inside]",
        "${p}[braces {classname} {name}]",
        "${p}[percent %s %n]",
        "${p}[  lead and trail  ]",
        "${p}[--fail-fast]",
        'tests/test_weird.py::test_café_ünïcode',
]*.toString()
assert ids.sort() == expected.sort() : "ids in junit.xml: ${ids}"
assert ids.unique(false).size() == ids.size()

def pwned = []
basedir.eachFileRecurse { if (it.name.startsWith('pwned')) pwned << it }
assert pwned.isEmpty() : "an id reached a shell: ${pwned}"
