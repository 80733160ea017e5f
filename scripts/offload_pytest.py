"""Offload's pytest plugin (SPEC 7.2), loaded with ``-p offload_pytest``.

Discovery: when OFFLOAD_PYTEST_COLLECT_FILE is set, writes a first line with a
JSON object naming pytest's version ({"pytest_version": "9.0.3"}; pytest >= 8.2
reads batch ids from an @file, SPEC 9.2), then one JSON string (the nodeid) per
line for every item left after collection and deselection, so ids with spaces
or any other character survive.

Events (SPEC 7.1): when OFFLOAD_EVENT_TOKEN is set, prints one line per test
start and end to stdout, ``##offload:<token>## {"ev": "start", "id": ...}`` and
``##offload:<token>## {"ev": "end", "id": ..., "status": "passed"|"failed"|
"skipped", "ms": ...}``, each on a line of its own even in -v output. A failed
test's end event also carries ``"err": {"kind": "failure"|"error", "message":
<the last line of the failure>, "trace": <pytest's failure text>}`` (kind
"error" when setup or teardown failed), so a result kept from the event after
the batch died still says what went wrong.

Batches: makes the ``name`` attribute of every JUnit XML testcase the full
nodeid, for every phase (setup, call, teardown), so Offload can map each
testcase back to its test id. This uses pytest internals (checked with pytest
9.0): the LogXML object in ``config.stash[_pytest.junitxml.xml_key]``, its
``node_reporter()`` and ``node_reporters_ordered``, and ``_NodeReporter``'s
``add_attribute`` / ``finalize``. Offload pins them with a test.
"""

import json
import os

import pytest

COLLECT_FILE_ENV = "OFFLOAD_PYTEST_COLLECT_FILE"
EVENT_TOKEN_ENV = "OFFLOAD_EVENT_TOKEN"


def pytest_collection_finish(session):
    path = os.environ.get(COLLECT_FILE_ENV)
    if not path:
        return
    with open(path, "w", encoding="utf-8") as out:
        out.write(json.dumps({"pytest_version": pytest.__version__}) + "\n")
        for item in session.items:
            out.write(json.dumps(item.nodeid) + "\n")


def pytest_configure(config):
    config.pluginmanager.register(_TestcaseRenamer(config), "offload_pytest_renamer")
    bind_events(config)


def bind_events(config):
    """Prints events for the OFFLOAD_EVENT_TOKEN of this process's environment. Offload's fork server calls it again
    in a batch forked from a session that was configured for discovery, without a token."""
    previous = config.pluginmanager.get_plugin("offload_pytest_events")
    if previous is not None:
        config.pluginmanager.unregister(previous)
    token = os.environ.get(EVENT_TOKEN_ENV)
    if token:
        config.pluginmanager.register(_EventPrinter(config, token), "offload_pytest_events")


class _EventPrinter:
    """Prints start and end events; the outcome of a test combines its setup, call and teardown reports."""

    def __init__(self, config, token):
        self._config = config
        self._prefix = "##offload:" + token + "## "
        self._outcomes = {}

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_logstart(self, nodeid, location):
        self._outcomes[nodeid] = ["passed", 0.0, None]
        self._emit({"ev": "start", "id": nodeid})

    def pytest_runtest_logreport(self, report):
        outcome = self._outcomes.setdefault(report.nodeid, ["passed", 0.0, None])
        outcome[1] += report.duration or 0.0
        if report.failed:
            outcome[0] = "failed"
            if outcome[2] is None:  # the first failure is the one to report
                outcome[2] = _error(report)
        elif report.skipped and outcome[0] == "passed":
            outcome[0] = "skipped"

    @pytest.hookimpl(trylast=True)
    def pytest_runtest_logfinish(self, nodeid, location):
        status, secs, err = self._outcomes.pop(nodeid, ["passed", 0.0, None])
        event = {"ev": "end", "id": nodeid, "status": status, "ms": int(round(secs * 1000))}
        if err is not None:
            event["err"] = err
        self._emit(event)

    def _emit(self, event):
        line = self._prefix + json.dumps(event)
        terminal = self._config.pluginmanager.get_plugin("terminalreporter")
        if terminal is not None:
            # -v output leaves "nodeid " open until the status word, -qq its progress letters; start a fresh line.
            if getattr(terminal._tw, "width_of_current_line", 0):
                terminal._tw.line()
            terminal.write_line(line)
            terminal.flush()
        else:
            print(line, flush=True)


_TRACE_LIMIT = 64 * 1024


def _error(report):
    text = report.longreprtext or ""
    lines = [line for line in text.splitlines() if line.strip()]
    # pytest marks the explanation lines with "E "; the last of them is the exception and its message.
    explained = [line[1:].strip() for line in lines if line.startswith("E ")]
    return {
        "kind": "failure" if report.when == "call" else "error",
        "message": explained[-1] if explained else (lines[-1].strip() if lines else ""),
        "trace": text[:_TRACE_LIMIT],
    }


class _TestcaseRenamer:
    def __init__(self, config):
        self._config = config

    def _logxml(self):
        try:
            from _pytest.junitxml import xml_key
        except ImportError:
            return None
        return self._config.stash.get(xml_key, None)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_logreport(self, report):
        logxml = self._logxml()
        # A passed setup records no result; naming its testcase would make a
        # test interrupted during its call (a batch timeout) look passed.
        if logxml is None or (report.when == "setup" and report.passed):
            yield
            return
        nodeid = report.nodeid
        seen = len(logxml.node_reporters_ordered)
        # junitxml keeps user attributes when it fills in classname and name.
        logxml.node_reporter(report).add_attribute("name", nodeid)
        yield
        # A call failure followed by a teardown error makes junitxml open a
        # second testcase while handling this report; it may be finalized.
        for reporter in logxml.node_reporters_ordered[seen:]:
            _rename(reporter, nodeid)


def _rename(reporter, nodeid):
    if "attrs" in reporter.__dict__:
        reporter.add_attribute("name", nodeid)
    else:  # finalized: only the built XML element is left
        from _pytest.junitxml import bin_xml_escape

        reporter.to_xml().set("name", bin_xml_escape(nodeid))
