"""A pytest session collected once and forked per batch (docs/frameworks.md, "Forked pytest batches").

Loaded by Offload's pytest fork server (offload_pytest_fork.py, which passes
itself as ``server``) into a discovery that runs with the batches' options:

    pytest.main(ARGS, plugins=[offload_pytest_held.plugin(server, hold)])

hold = {"socket": S, "fixed": [ARG...]} (OFFLOAD_PYTEST_HOLD). Once pytest has
collected (session start, configuration and collection done once, here), the
discovery forks a holder and exits 0 with the ids written by offload_pytest.
The holder keeps the collected session and serves S; per batch it forks a
supervisor and, when the batch asks for what this session can run, a process
that takes on the batch's streams and environment and runs just its items:
pytest's run loop, session finish and JUnit XML happen there, as in a pytest
that had collected them itself.

A batch can run here when its interpreter, directory and environment are the
discovery's (OFFLOAD_* variables and Offload's plugin directories in PYTHONPATH
aside), its arguments are ``FIXED... --junitxml=FILE [-x] -- ID...`` (or ``--
@IDFILE``), and every id is a collected item. Anything else gets a fallback reply
and the client asks the fork server instead. A batch whose set-up fails here
replaces itself with ``python -m pytest ARGS`` (same process, same streams).
"""

import json
import os
import sys
import threading

# Environment variables that may differ between the discovery and a batch without changing what a test sees at import
# (the shell's own, and what pytest sets while its session runs).
_IGNORED_ENV = {"PWD", "OLDPWD", "SHLVL", "_", "PYTEST_VERSION", "PYTEST_CURRENT_TEST"}


def plugin(server, hold):
    import pytest

    class HeldSession:
        @pytest.hookimpl(tryfirst=True)
        def pytest_runtestloop(self, session):
            if session.testsfailed or session.config.option.collectonly:
                return None  # pytest reports the collection errors, as a discovery would
            try:
                held = _Holder(server, hold, session)
            except Exception:  # _CannotHold, or a pytest without the internals used here
                return True  # a plain discovery: the ids are written, nothing runs here
            try:
                held.serve()  # returns in no process but a batch's, by raising
            except server._Batch as batch:
                batch.__traceback__ = None
                held.take_on(batch)
            return None  # pytest's own run loop runs the batch's items

    return HeldSession()


class _CannotHold(Exception):
    pass


class _Holder:
    def __init__(self, server, hold, session):
        self.server = server
        self.session = session
        self.config = session.config
        self.fixed = list(hold["fixed"])
        self.capman = self.config.pluginmanager.getplugin("capturemanager")
        self.terminal = self.config.pluginmanager.getplugin("terminalreporter")
        self.logxml = _logxml(self.config)
        self.items = {item.nodeid: item for item in session.items}
        if (
            not session.items
            or len(self.items) != len(session.items)
            or self.capman is None
            or self.logxml is None
            or server._LIFE_R < 0
            or threading.active_count() > 1  # a thread would be copied half-done into every batch
        ):
            raise _CannotHold()
        self.cwd = os.getcwd()
        self.env = _comparable_env(os.environ)
        self.session_env = {k: os.environ[k] for k in ("PYTEST_VERSION",) if k in os.environ}
        self.maxfail = self.config.option.maxfail
        self.listener = server._listen(hold["socket"])  # exists before the discovery ends
        self.aliases = {}

    def serve(self):
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        if os.fork() != 0:
            os._exit(0)  # the discovery ends here: session finish and unconfigure belong to the batches
        os.setsid()  # out of the discovery's process group, which is killed when it ends
        self._release_streams()
        import gc

        gc.freeze()  # what collection built is never collected again: batches do not scan (or copy) it
        self.server._accept_loop(self.listener, self.server._LIFE_R, self._supervise)
        self.server._reap(deadline=0.5)  # the supervisors of batches that ended, for their CPU time
        os._exit(0)

    def _release_streams(self):
        """Points the discovery's standard streams, and every other descriptor of the same files (pytest's capture
        and faulthandler keep copies), at /dev/null: Offload reads the discovery's output until its end."""
        stdio = {}
        for index in range(3):
            try:
                st = os.fstat(index)
                stdio[(st.st_dev, st.st_ino)] = index
            except OSError:
                pass
        try:
            open_fds = [int(name) for name in os.listdir("/proc/self/fd")]
        except OSError:  # no /proc (macOS): the usual range
            open_fds = range(3, 1024)
        for fd in open_fds:
            try:
                st = os.fstat(fd)
            except OSError:
                continue
            index = stdio.get((st.st_dev, st.st_ino))
            if fd > 2 and index is not None:
                self.aliases[fd] = index
        null = os.open(os.devnull, os.O_RDWR)
        for fd in [0, 1, 2] + list(self.aliases):
            os.dup2(null, fd)
        os.close(null)
        try:
            self.capman.stop_global_capturing()  # a batch captures into files of its own
        except Exception:
            pass
        self.aliases = {fd: index for fd, index in self.aliases.items() if _is_open(fd)}

    def _supervise(self, conn):
        self.server._supervise(conn, self._check)

    def _check(self, request):
        """(plan, None) when this session can run the batch; (None, reason) otherwise."""
        same, reason = self.server._same_interpreter(request)
        if not same:
            return None, reason
        if request.get("cwd") != self.cwd:
            return None, "another directory"
        env = _comparable_env(request.get("env", {}))
        if env != self.env:
            return None, "another environment: " + " ".join(sorted(k for k in env.keys() ^ self.env.keys()
                                                                     or (k for k in env if env[k] != self.env[k])))
        args = request.get("args", [])
        n = len(self.fixed)
        if args[:n] != self.fixed:
            return None, "other options"
        rest = args[n:]
        if not rest or not rest[0].startswith("--junitxml="):
            return None, "no --junitxml"
        plan = {"junitxml": rest[0][len("--junitxml=") :], "exitfirst": False}
        rest = rest[1:]
        if rest and rest[0] == "-x":
            plan["exitfirst"] = True
            rest = rest[1:]
        if not rest or rest[0] != "--":
            return None, "no ids"
        ids = rest[1:]
        if len(ids) == 1 and ids[0].startswith("@"):
            try:
                with open(os.path.join(self.cwd, ids[0][1:]), encoding="utf-8") as f:
                    ids = f.read().splitlines()
            except OSError as e:
                return None, "unreadable id file: %s" % e
        if not ids or len(set(ids)) != len(ids):
            return None, "no ids or repeated ids"
        missing = next((i for i in ids if i not in self.items), None)
        if missing is not None:
            return None, "not collected: " + missing
        plan["ids"] = ids
        return plan, None

    def take_on(self, batch):
        """In the batch's process: its streams, directory and environment, then the session narrowed to its ids."""
        request = batch.request
        self.server._take_on(request, batch.fds, self.aliases)
        os.environ.update(self.session_env)
        try:
            self._narrow(batch.plan)
        except Exception as e:  # pytest's internals moved: a fresh pytest in this same process runs the batch
            print("offload: running the batch without the collected session (%r)" % (e,), file=sys.stderr)
            sys.stderr.flush()
            os.execvp(request["exec"], [request["exec"], "-m", "pytest"] + request["args"])

    def _narrow(self, plan):
        session, config = self.session, self.config
        session.items[:] = [self.items[i] for i in plan["ids"]]
        session.testscollected = len(session.items)
        session.testsfailed = 0
        session.shouldfail = False
        session.shouldstop = False
        config.option.maxfail = 1 if plan["exitfirst"] else self.maxfail
        self.logxml.logfile = os.path.normpath(os.path.abspath(plan["junitxml"]))
        self.logxml.pytest_sessionstart()
        events = sys.modules.get("offload_pytest")
        if events is not None:
            events.bind_events(config)  # the batch's token (SPEC 7.1)
        self.capman.start_global_capturing()
        self.capman.suspend_global_capture(in_=False)
        if self.terminal is not None:
            self.terminal.stats.pop("deselected", None)  # the group's filters, not this batch's doing
            self.terminal.pytest_sessionstart(session)  # the header a batch log shows, and its start time
            self.terminal.write_line("collected %d items" % len(session.items))


def _logxml(config):
    try:
        from _pytest.junitxml import xml_key
    except ImportError:
        return None
    logxml = config.stash.get(xml_key, None)
    if logxml is None or not hasattr(logxml, "logfile") or not hasattr(logxml, "pytest_sessionstart"):
        return None
    return logxml


def _comparable_env(env):
    out = {}
    for key, value in env.items():
        if key.startswith("OFFLOAD_") or key in _IGNORED_ENV:
            continue
        if key == "PYTHONPATH":
            value = os.pathsep.join(
                p for p in value.split(os.pathsep) if p and not os.path.exists(os.path.join(p, "offload_pytest.py"))
            )
        out[key] = value
    return out


def _is_open(fd):
    try:
        os.fstat(fd)
        return True
    except OSError:
        return False
