"""Offload's pytest fork server (docs/frameworks.md, "Forked pytest batches").

A pytest process spends about half of a small batch's CPU importing pytest and
its plugins. The local provider runs every batch on this machine, so Offload
starts one server per run that imports them once and forks a fresh process for
each batch: no test is collected or run in the server, so every batch still
runs in a process that no other batch touched.

    python3 offload_pytest_fork.py serve SOCKET
        Imports pytest and its built-in plugins, then listens on the Unix socket
        SOCKET until its stdin closes (the Offload JVM holds the other end).

    python3 offload_pytest_fork.py run SOCKET PYTHON ARG...
        What a batch runs instead of ``PYTHON -m pytest ARG...``. Sends its argv,
        environment, working directory and standard streams to the server and
        exits with the forked pytest's status. Without a server (none started,
        not ready yet, or gone) it becomes ``PYTHON -m pytest ARG...`` itself.

Per batch, the server forks a supervisor that starts a new session (its
process group G), then forks pytest inside G with the batch's streams, working
directory, environment and sys.path. The client (in the batch's process group)
forwards SIGINT and SIGTERM to G, so a timed-out batch is interrupted into
writing its JUnit XML as before; when the client dies (SIGKILL after the grace
period), the supervisor kills G. The client appends G to the batch's pgid file
(OFFLOAD_PYTEST_FORK_PGID_FILE) so that Offload's process-tree kill waits for
every process of G.

Collected once (docs/frameworks.md): when discovery's request carries
OFFLOAD_PYTEST_HOLD ({"socket": S, "fixed": [ARG...]}), its pytest runs with
the batches' options instead of --collect-only and, once collected, forks a
holder that keeps the collected session and listens on S; the discovery exits.
A batch whose client finds OFFLOAD_PYTEST_HELD=S sends its request there
first: when its options, directory and environment are the discovery's and
every id is a collected item, the holder forks a process that runs just those
items of the collected session (pytest's session start and collection ran once,
in the holder; run, session finish and the JUnit XML happen per batch, each in a
process no other batch touched). Anything else gets a fallback reply, and the
client asks the server above. The holder ends with the server.
"""

import importlib
import json
import os
import signal
import socket
import struct
import sys

_STATUS = struct.Struct("!i")  # a forked pytest's exit status, or -signal


def serve(path):
    # While this marker exists (Offload creates it before starting us) the server is importing: a client waits for
    # the socket instead of starting its own pytest (discovery starts together with the server).
    starting = path + ".starting"
    try:
        _serve(path, starting)
    finally:
        try:
            os.unlink(starting)
        except OSError:
            pass


def _serve(path, starting):
    import pytest  # noqa: F401  the point of the server
    from _pytest.config import default_plugins

    # pytest's own plugins are always loaded, and so are plugins installed from entry points unless autoloading is off.
    for name in default_plugins:
        try:
            importlib.import_module("_pytest." + name)
        except Exception:  # pytest reports it in the batch, as it would without the server
            pass
    if not os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD"):
        _preload_plugin_distributions()
    import runpy  # noqa: F401  used by every batch
    import threading

    if threading.active_count() > 1:
        return  # an import started a thread: forking would copy it half-done; batches start their own interpreter
    listener = _listen(path)
    os.unlink(starting)
    # Held sessions (forked far below us) end when this pipe's write end, which only we keep, closes with us.
    global _LIFE_R, _LIFE_W
    _LIFE_R, _LIFE_W = os.pipe()
    _become_subreaper()
    _accept_loop(listener, sys.stdin.fileno(), lambda conn: _supervise(conn, _same_interpreter))
    try:
        os.unlink(path)
    except OSError:
        pass
    _close_life_w()  # a held session ends now: reaped below, its CPU time (its batches' too) adds up to ours
    _reap(deadline=_REAP_SECS)


_REAP_SECS = 1.0


_LIFE_R = _LIFE_W = -1
_HOLD_ENV = "OFFLOAD_PYTEST_HOLD"
_HELD_ENV = "OFFLOAD_PYTEST_HELD"


def _close_life_w():
    """In every process forked below the server: only the server may keep the pipe's write end."""
    global _LIFE_W
    if _LIFE_W >= 0:
        os.close(_LIFE_W)
        _LIFE_W = -1


def _listen(path):
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path + ".tmp")
    os.rename(path + ".tmp", path)  # the socket appears ready to accept, never half-made
    listener.listen(64)
    return listener


def _become_subreaper():
    """Orphans below us (a held session, whose discovery exits) are reparented to us and reaped here, so their CPU
    time adds up to ours and to the JVM's (benchmarks count it). Without prctl they are still reaped by init."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except Exception:
        pass


def _accept_loop(listener, stop_fd, handle):
    """Forks a process per connection that runs handle(conn) (which never returns normally); reaps children; returns
    when stop_fd reaches its end."""
    import selectors

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a terminal's Ctrl-C is for the JVM; it closes our stdin
    # Supervisors are reaped with waitpid, so their CPU time adds up to ours and to the JVM's (benchmarks count it).
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda signum, frame: None)
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ)
    selector.register(wake_r, selectors.EVENT_READ)
    selector.register(stop_fd, selectors.EVENT_READ)
    while True:
        for key, _ in selector.select():
            if key.fileobj is listener:
                conn, _ = listener.accept()
                if os.fork() == 0:
                    selector.close()
                    listener.close()
                    signal.set_wakeup_fd(-1)
                    for fd in (wake_r, wake_w):
                        os.close(fd)
                    _close_life_w()
                    handle(conn)  # never returns
                conn.close()
            elif key.fileobj == wake_r:
                os.read(wake_r, 4096)
                _reap()
            elif not os.read(stop_fd, 4096):
                selector.close()
                listener.close()
                signal.set_wakeup_fd(-1)
                for fd in (wake_r, wake_w):
                    os.close(fd)
                return


def _preload_plugin_distributions():
    """Imports what pytest's plugin autoloading imports in every batch, and the top-level packages of the same
    distributions (e.g. hypothesis, whose plugin imports it in -v's report header), through an assertion-rewriting
    import hook as pytest would: pytest then finds them loaded by its own kind of hook, rewritten, and warns about
    nothing. A top-level name is imported only when it resolves to a file of that distribution, never to a module of
    the project of the same name. Any problem: nothing more is preloaded, and the batch imports the rest itself."""
    from importlib import metadata
    from importlib.util import find_spec

    try:
        from _pytest.assertion import AssertionState, assertstate_key
        from _pytest.assertion.rewrite import AssertionRewritingHook
        from _pytest.config import _iter_rewritable_modules
        from _pytest.stash import Stash

        dists = [
            d
            for d in metadata.distributions()
            if any(ep.group == "pytest11" for ep in d.entry_points) and _preloadable(d)
        ]
        names = {id(d): set(_iter_rewritable_modules(str(f) for f in d.files or [])) for d in dists}
        hook = AssertionRewritingHook(_PreloadConfig(AssertionState, assertstate_key, Stash))
        hook.mark_rewrite(*set().union(*names.values()))
    except Exception:
        return
    before = set(sys.modules)
    sys.meta_path.insert(0, hook)
    try:
        for dist in dists:
            for ep in dist.entry_points:
                if ep.group == "pytest11":
                    ep.load()
            files = {os.path.abspath(str(dist.locate_file(f))) for f in dist.files or []}
            for name in sorted(names[id(dist)]):
                spec = find_spec(name)
                if spec is not None and spec.origin and os.path.abspath(spec.origin) in files:
                    importlib.import_module(name)
    except Exception:  # pytest reports it in the batch; forget what this step imported
        for name in set(sys.modules) - before:
            del sys.modules[name]
    finally:
        sys.meta_path.remove(hook)


# Distributions whose modules copy sys.path when imported: pytest-xdist hands its copy to the workers it starts, which
# would not find what the batch's PYTHONPATH adds (Offload's plugin). The batch imports them itself.
_NOT_PRELOADED = {"pytest-xdist", "pytest_xdist"}


def _preloadable(dist):
    try:
        return (dist.metadata["Name"] or "").lower() not in _NOT_PRELOADED
    except Exception:
        return False


class _PreloadConfig:
    """What AssertionRewritingHook asks of a config while importing plugins: no ini file is read in the server."""

    def __init__(self, state_type, state_key, stash_type):
        state = state_type.__new__(state_type)
        state.mode = "rewrite"
        state.trace = lambda *args: None
        state.hook = None
        self.stash = stash_type()
        self.stash[state_key] = state

    def getini(self, name):
        if name == "enable_assertion_pass_hook":
            return False
        raise ValueError(name)  # python_files: the hook falls back to pytest's default patterns


def _reap(deadline=0.0):
    """Reaps the children that ended; with a deadline, waits up to that many seconds for the others."""
    import time

    until = time.monotonic() + deadline
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            if time.monotonic() >= until:
                return
            time.sleep(0.01)


class _Batch(BaseException):
    """Raised in a forked pytest process: unwinds to the top level (or to the held session's loop), where the batch
    runs and the process exits as a fresh interpreter would (atexit handlers, non-daemon threads joined, streams
    flushed). ``plan`` is what the check of the request returned."""

    def __init__(self, request, fds, plan=None):
        super().__init__()
        self.request = request
        self.fds = fds
        self.plan = plan


def _same_interpreter(request):
    """(None, why not) when the batch's PATH finds another interpreter or environment than the server's."""
    if request.get("python") != _interpreter():
        return None, "another interpreter"
    return True, None


def _supervise(conn, check):
    """In the supervisor: start a session, fork pytest into it, report its status; kill it if the client goes.
    check(request) returns (plan, None) to run the batch here, or (None, reason) to send the client elsewhere."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    os.setsid()
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_IGN)  # signals are for pytest; the client's death stops us
    try:
        request, fds = _receive(conn)
        plan, reason = check(request)
        if plan is None:
            conn.sendall(json.dumps({"fallback": reason}).encode() + b"\n")
            os._exit(0)
        pid = os.fork()
    except BaseException:
        os._exit(1)
    if pid == 0:
        conn.close()
        raise _Batch(request, fds, plan)
    try:
        for fd in fds:
            os.close(fd)
        conn.sendall(json.dumps({"pgid": os.getpgid(0)}).encode() + b"\n")
        import threading

        threading.Thread(target=_kill_when_client_goes, args=(conn,), daemon=True).start()
        _, wait_status = os.waitpid(pid, 0)
        conn.sendall(_STATUS.pack(os.waitstatus_to_exitcode(wait_status)))
    finally:
        os._exit(0)


def _kill_when_client_goes(conn):
    try:
        while conn.recv(4096):
            pass
    except OSError:
        pass
    os.killpg(0, signal.SIGKILL)  # the batch was killed: so is everything pytest started


def _receive(conn):
    data = b""
    fds = []
    while not data.endswith(b"\n"):
        chunk, more_fds, _, _ = socket.recv_fds(conn, 1 << 20, 3)
        if not chunk:
            raise EOFError("client went away")
        data += chunk
        fds += more_fds
    return json.loads(data), fds


def _take_on(request, fds, aliases=None):
    """In a forked pytest process: the batch's signal dispositions, standard streams (also onto each alias fd ->
    stream index, copies of the standard streams that pytest keeps), working directory and environment."""
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
    for alias, index in (aliases or {}).items():
        os.dup2(fds[index], alias)
    for fd in fds:
        if fd > 2:
            os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.dont_write_bytecode = bool(os.environ.get("PYTHONDONTWRITEBYTECODE"))


def _run_batch(request, fds):
    """In the forked pytest process: take on the batch's streams, directory, environment and sys.path; run pytest."""
    server_path = os.environ.get("PYTHONPATH", "")
    _take_on(request, fds)
    sys.path[:] = _batch_path(server_path, os.environ.get("PYTHONPATH", ""))
    sys.argv[:] = ["pytest"] + request["args"]
    hold = os.environ.get(_HOLD_ENV)
    if hold:  # a discovery that keeps its collected session for the batches, or collects only
        import pytest

        held = _held_module()
        plugins = [held.plugin(sys.modules[__name__], json.loads(hold))] if held else []
        args = request["args"] if held else ["--collect-only"] + request["args"]
        return int(pytest.main(args, plugins=plugins))
    import runpy

    try:
        runpy.run_module("pytest", run_name="__main__", alter_sys=True)
    except SystemExit as e:
        return e.code
    return 0


def _held_module():
    """offload_pytest_held.py from this script's directory (sys.path is the batch's by now); None if it is missing."""
    from importlib import util

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "offload_pytest_held.py")
    try:
        spec = util.spec_from_file_location("offload_pytest_held", path)
        module = util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    except Exception as e:  # the discovery then collects only, and batches collect for themselves
        print("offload: cannot load %s: %r" % (path, e), file=sys.stderr)
        return None


def _exit_batch(code):
    """Ends a batch's process as the interpreter would, minus tearing its modules down, which takes a large suite's
    process a quarter of a second: non-daemon threads are joined (by the interpreter, when there are any), atexit
    handlers run, and every open file object is flushed, as its finalizer would."""
    import threading

    if not isinstance(code, int) or threading.active_count() > 1:
        sys.exit(code)
    import atexit
    import gc
    import io

    try:
        atexit._run_exitfuncs()
    finally:
        for obj in gc.get_objects():
            if isinstance(obj, io.IOBase):
                try:
                    if not obj.closed:
                        obj.flush()
                except Exception:
                    pass
        os._exit(code & 0xFF)


def _interpreter():
    """What must match between a batch and the server: the interpreter the batch's PATH finds, and its environment."""
    return [sys.executable, sys.prefix, sys.version]


def _batch_path(server_pythonpath, batch_pythonpath):
    """sys.path as ``python -m pytest`` would have it in the batch: its cwd, its PYTHONPATH, then the rest."""
    server_entries = [os.path.abspath(p) for p in server_pythonpath.split(os.pathsep) if p]
    rest = [p for p in sys.path[1:] if not p or os.path.abspath(p) not in server_entries]
    batch_entries = [p for p in batch_pythonpath.split(os.pathsep) if p]
    return [os.getcwd()] + batch_entries + rest


_STARTING_WAIT_SECS = 5.0


def run(path, python, args):
    pgid_file = os.environ.pop("OFFLOAD_PYTEST_FORK_PGID_FILE", None)
    held = os.environ.pop(_HELD_ENV, None)
    request = {"cwd": os.getcwd(), "env": dict(os.environ), "args": args, "python": _interpreter(), "exec": python}
    # The collected session first (it sends back batches it cannot run), then the server, then pytest itself.
    started = (held and _start(_connect(held), request, gone_ok=True)) or _start(_connect(path), request)
    if not started:
        _exec_pytest(python, args)
    conn, reply, pgid = started

    def forward(signum, frame):
        try:
            os.killpg(pgid, signum)
        except OSError:
            pass

    signal.signal(signal.SIGINT, forward)
    signal.signal(signal.SIGTERM, forward)
    if pgid_file:
        try:
            with open(pgid_file, "a") as out:
                out.write("%d\n" % pgid)
        except OSError:
            pass
    status = reply.read(_STATUS.size)
    if len(status) != _STATUS.size:
        print("offload: the pytest fork server went away while the batch ran", file=sys.stderr)
        sys.exit(1)
    (code,) = _STATUS.unpack(status)
    if code < 0:  # pytest died of a signal: die of the same one, as the shell would see it
        try:
            signal.signal(-code, signal.SIG_DFL)
        except (OSError, ValueError):
            pass  # SIGKILL and SIGSTOP have no handler to reset
        os.kill(os.getpid(), -code)
        code = 128 - code  # a signal that does not end us (e.g. SIGSTOP): exit as the shell would report it
    sys.exit(code)


def _start(conn, request, gone_ok=False):
    """Sends the request; (conn, reply, pgid) once the batch runs, None when there is no server or it sent us on (or,
    with gone_ok, went away)."""
    if conn is None:
        return None
    try:
        socket.send_fds(conn, [json.dumps(request).encode() + b"\n"], [0, 1, 2])
        reply = conn.makefile("rb")
        started = reply.readline()
    except OSError:
        started = b""
    if not started and gone_ok:
        conn.close()
        return None
    if not started:
        print("offload: the pytest fork server went away before the batch started", file=sys.stderr)
        sys.exit(1)
    started = json.loads(started)
    if "pgid" not in started:  # a fallback: another interpreter, or what the collected session cannot run
        reply.close()
        conn.close()
        return None
    return conn, reply, started["pgid"]


def _connect(path):
    """A connection to the server; None when there is none, after waiting while it is still importing."""
    import time

    deadline = time.monotonic() + _STARTING_WAIT_SECS
    while True:
        try:
            conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            conn.connect(path)
            return conn
        except OSError:
            conn.close()
        if not os.path.exists(path + ".starting") or time.monotonic() > deadline:
            return None
        time.sleep(0.02)


def _exec_pytest(python, args):
    if os.environ.pop(_HOLD_ENV, None) is not None:  # a discovery that cannot hold its session only collects
        args = ["--collect-only"] + args
    os.execvp(python, [python, "-m", "pytest"] + args)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "serve":
        batch = None
        try:
            serve(sys.argv[2])
        except _Batch as forked:
            forked.__traceback__ = None
            batch = forked
        # Outside the except block: exceptions of the batch must not chain to _Batch, or tracebacks would show it.
        if batch is not None:
            _exit_batch(_run_batch(batch.request, batch.fds))
    elif len(sys.argv) >= 4 and sys.argv[1] == "run":
        run(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        print("usage: offload_pytest_fork.py serve SOCKET | run SOCKET PYTHON ARG...", file=sys.stderr)
        sys.exit(2)
