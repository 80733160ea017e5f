def log = new File(basedir, 'build.log').text
['offload:validate', 'offload:init', 'offload:help'].each { assert log.contains(it) : "help lists ${it}" }
['offload.config', 'offload.strict', 'offload.skip', 'offload.provider', 'offload.framework'].each {
    assert log.contains("User property: ${it}") : "help documents ${it}"
}
assert log.contains('BUILD SUCCESS')
