// A host directory every container mounts at /shared (FlakyTest's marker), named in offload.toml's run_args.
def shared = new File(basedir, 'target/shared')
shared.mkdirs()
def toml = new File(basedir, 'offload.toml')
toml.text = toml.text.replace('@SHARED@', shared.absolutePath)
return true
