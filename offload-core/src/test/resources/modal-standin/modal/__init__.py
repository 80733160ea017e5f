"""STAND-IN for the Modal SDK (Modal cannot be reached from our machines): NOT the real `modal` package.

It implements only the calls scripts/modal_sandbox.py makes, records each one as a JSON line in
<state>/calls.jsonl, and runs "sandboxes" as private directories on this machine:

- an image is a directory built by copying add_local_dir sources and running run_commands in it;
- Sandbox.create copies the image directory into a fresh sandbox directory;
- exec runs the command with bash in that directory (relative paths resolve inside it, absolute ones on the host);
- a file added at an absolute path (add_local_file) lands inside the image directory, and the build's run_commands
  see it there (the path is rewritten in their text), so a thin-diff build's /tmp/offload.patch stays private;
- git in run_commands and exec never finds a repository around the state directory (GIT_CEILING_DIRECTORIES), as in
  a real image whose filesystem is its own;
- terminate removes the directory.

<state> is $MODAL_STANDIN_DIR, else .modal-standin in the current directory (the config directory, where Offload
runs its provider commands).
"""
import io
import itertools
import json
import os
import shutil
import subprocess
import time

__standin__ = True


def _state():
    path = os.path.abspath(os.environ.get("MODAL_STANDIN_DIR", ".modal-standin"))
    os.makedirs(path, exist_ok=True)
    return path


def _record(call, **fields):
    fields["call"] = call
    fields["pid"] = os.getpid()
    with open(os.path.join(_state(), "calls.jsonl"), "a") as f:
        f.write(json.dumps(fields, sort_keys=True) + "\n")


def _new_id(prefix):
    for n in itertools.count(1):
        candidate = "%s-%d-%d" % (prefix, os.getpid(), n)
        path = os.path.join(_state(), candidate)
        try:
            os.mkdir(path)
            return candidate, path
        except FileExistsError:
            continue


def _copytree(source, target, ignore):
    state = _state()
    for folder, dirs, files in os.walk(source):
        dirs[:] = [d for d in dirs if os.path.abspath(os.path.join(folder, d)) != state]
        rel = os.path.relpath(folder, source)
        for name in files:
            path = os.path.normpath(os.path.join(rel, name))
            if ignore is not None and ignore(path):
                continue
            dest = os.path.join(target, path)
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            shutil.copy2(os.path.join(folder, name), dest)


class FilePatternMatcher:
    def __init__(self, patterns):
        self.patterns = patterns

    @staticmethod
    def from_file(path):
        with open(path) as f:
            return FilePatternMatcher([l.strip() for l in f if l.strip() and not l.startswith("#")])

    def __call__(self, path):
        import fnmatch
        return any(fnmatch.fnmatch(path, p) or path.startswith(p.rstrip("/") + "/") for p in self.patterns)


class App:
    @staticmethod
    def lookup(name, create_if_missing=False):
        _record("App.lookup", name=name, create_if_missing=create_if_missing)
        return App()


class Image:
    def __init__(self, steps, object_id=None):
        self.steps = steps
        self.object_id = object_id

    @staticmethod
    def debian_slim(python_version=None):
        return Image([["debian_slim", python_version]])

    @staticmethod
    def from_dockerfile(path, context_dir=None):
        return Image([["from_dockerfile", path, context_dir]])

    @staticmethod
    def from_id(image_id):
        _record("Image.from_id", image_id=image_id)
        if not os.path.isdir(os.path.join(_state(), image_id)):
            raise RuntimeError("stand-in: no image " + image_id)
        return Image([["from_id", image_id]], image_id)

    def pip_install(self, *packages):
        return Image(self.steps + [["pip_install"] + list(packages)])

    def add_local_dir(self, local_path, remote_path, copy=False, ignore=None):
        return Image(self.steps + [["add_local_dir", os.path.abspath(local_path), remote_path, ignore]])

    def add_local_file(self, local_path, remote_path, copy=False):
        return Image(self.steps + [["add_local_file", os.path.abspath(local_path), remote_path]])

    def run_commands(self, *commands):
        return Image(self.steps + [["run_commands"] + list(commands)])

    def build(self, app):
        image_id, root = _new_id("im")
        placed = {}
        for step in self.steps:
            kind = step[0]
            if kind == "from_id":
                _copytree(os.path.join(_state(), step[1]), root, None)
            elif kind == "add_local_dir":
                ignore = step[3] if callable(step[3]) else None
                _copytree(step[1], os.path.join(root, step[2]), ignore)
            elif kind == "add_local_file":
                dest = os.path.join(root, step[2].lstrip("/"))
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                shutil.copy2(step[1], dest)
                if step[2].startswith("/"):
                    placed[step[2]] = dest
            elif kind == "run_commands":
                for command in step[1:]:
                    for remote, dest in placed.items():
                        command = command.replace(remote, dest)
                    subprocess.run(["bash", "-c", command], cwd=root, check=True, env=_isolated_env(root))
        _record("Image.build", image_id=image_id,
                steps=[[s for s in step if not callable(s)] for step in self.steps])
        self.object_id = image_id


def _isolated_env(root):
    env = dict(os.environ)
    env["GIT_CEILING_DIRECTORIES"] = os.path.dirname(os.path.abspath(root))
    return env


class _Stream:
    def __init__(self, pipe):
        self._pipe = pipe

    def __iter__(self):
        return iter(self._pipe.readline, "")

    def read(self):
        return self._pipe.read()


class _Stdin:
    def __init__(self, pipe):
        self._pipe = pipe

    def write(self, data):
        self._pipe.write(data)

    def write_eof(self):
        self._pipe.close()

    def drain(self):
        pass


class _Process:
    def __init__(self, popen):
        self._popen = popen
        self.stdout = _Stream(popen.stdout)
        self.stderr = _Stream(popen.stderr)
        self.stdin = _Stdin(popen.stdin)

    def wait(self):
        self._popen.wait()
        return self._popen.returncode

    @property
    def returncode(self):
        return self._popen.returncode


class Sandbox:
    def __init__(self, object_id):
        self.object_id = object_id
        self._root = os.path.join(_state(), object_id)

    @staticmethod
    def create(*entrypoint, app=None, image=None, cpu=None, memory=None, timeout=None, experimental_options=None):
        sandbox_id, root = _new_id("sb")
        _copytree(os.path.join(_state(), image.object_id), root, None)
        _record("Sandbox.create", sandbox_id=sandbox_id, entrypoint=list(entrypoint), image=image.object_id,
                cpu=cpu, memory=memory, timeout=timeout, experimental_options=experimental_options)
        return Sandbox(sandbox_id)

    @staticmethod
    def from_id(sandbox_id):
        if not os.path.isdir(os.path.join(_state(), sandbox_id)):
            raise RuntimeError("stand-in: sandbox " + sandbox_id + " does not exist")
        return Sandbox(sandbox_id)

    def exec(self, *command):
        _record("Sandbox.exec", sandbox_id=self.object_id, command=list(command))
        popen = subprocess.Popen(list(command), cwd=self._root, text=True, stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_isolated_env(self._root))
        return _Process(popen)

    def terminate(self):
        _record("Sandbox.terminate", sandbox_id=self.object_id)
        shutil.rmtree(self._root, ignore_errors=True)
