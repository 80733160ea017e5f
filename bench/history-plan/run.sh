#!/usr/bin/env bash
# History-driven scheduling on a long-tailed, sleep-bound pytest suite with 8 local slots: the planned makespan against
# the lower bound, and `offload plan`'s prediction against the measured batch phase and wall time.
# See bench/README.md, "history-plan: planned vs lower bound vs measured".
#
# Usage: bench/history-plan/run.sh [rounds=3]
# Environment: TESTS (400); SCALE (1.0) multiplies every sleep; HEDGE (true) sets impatiently_requeue_batches;
#              WORK (bench/.work/history-plan); OFFLOAD_JAR (offload-cli/target/offload.jar).
set -euo pipefail

rounds=${1:-3}
tests=${TESTS:-400}
scale=${SCALE:-1.0}
hedge=${HEDGE:-true}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${WORK:-$root/bench/.work/history-plan}
jar=${OFFLOAD_JAR:-$root/offload-cli/target/offload.jar}

log() { printf '%s\n' "$*" >&2; }

# `package` writes only into target/: nothing lands in the local Maven repository.
build_jar() {
    [ -f "$jar" ] && return
    log "building $jar (./mvnw -B -q -pl offload-cli -am package -DskipTests -Dinvoker.skip)"
    (cd "$root" && ./mvnw -B -q -pl offload-cli -am package -DskipTests -Dinvoker.skip)
}

# A long tail: 1 in 40 tests sleeps 2 s, 1 in 10 sleeps 0.4 s, the rest 0.02 s (times SCALE).
generate_suite() {
    rm -rf "$work"
    mkdir -p "$work/tests"
    python3 - "$work/tests" "$tests" "$scale" <<'PY'
import pathlib, sys
directory, tests, scale = pathlib.Path(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
lines = ["import time\n\n"]
for t in range(tests):
    secs = 2.0 if t % 40 == 7 else 0.4 if t % 10 == 3 else 0.02
    lines.append(f"def test_{t:03d}():\n    time.sleep({secs * scale!r})\n\n\n")
(directory / "test_tail.py").write_text("".join(lines))
PY
    cat > "$work/offload.toml" <<TOML
[offload]
max_parallel = 8
test_timeout_secs = 600
impatiently_requeue_batches = $hedge

[provider]
type = "local"

[framework]
type = "pytest"
paths = ["tests"]
command = "python3 -m pytest -p no:cacheprovider"

[groups.all]

[history]
record_history = "always"
TOML
}

offload() { java -jar "$jar" -c "$work/offload.toml" "$@"; }

# Prints "wall_secs batch_phase_secs batches passed measured_O" of the last run, from summary.json, trace.json and
# junit-parts: O is the median over finished batches of batch wall time minus its tests' durations (SPEC §9.6).
measured() {
    python3 - "$work/test-results" <<'PY'
import json, pathlib, re, statistics, sys
out = pathlib.Path(sys.argv[1])
summary = json.loads((out / "summary.json").read_text())
spans = [e for e in json.loads((out / "trace.json").read_text()) if e["ph"] == "X" and e["name"].startswith("batch_")]
start = min(e["ts"] for e in spans)
end = max(e["ts"] + e["dur"] for e in spans)
overheads = []
for e in spans:
    part = out / "junit-parts" / f'{e["name"].replace("_", "-")}.xml'
    if e["args"]["outcome"] == "success" and part.exists():
        tests = sum(float(t) for t in re.findall(r'<testcase [^>]*time="([0-9.]+)"', part.read_text()))
        overheads.append(e["dur"] / 1e6 - tests)
o = statistics.median(overheads) if overheads else float("nan")
print(f'{summary["wall_time_secs"]:.2f} {(end - start) / 1e6:.2f} {summary["batches"]} {summary["counts"]["passed"]} {o:.2f}')
PY
}

build_jar
generate_suite
export PYTEST_DISABLE_PLUGIN_AUTOLOAD=1
log "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
log "first run (no history, no junit.xml): records history"
offload run >/dev/null 2>&1 || true

printf '%-6s %-30s %-11s %-8s %-12s %-9s %-11s %-12s %s\n' round "plan -p 8 (predicted, LB, O)" "LPT max/LB" "wall" "batch phase" "pred/meas" "measured O" "pred(meas O)" "load"
for r in $(seq 1 "$rounds"); do
    rm -f "$work/test-results/junit.xml" # a fresh CI checkout: only the committed history file
    plan=$(offload plan -p 8 2>/dev/null | grep '^sandboxes 8:')
    predicted=$(sed -E 's/.*predicted wall ([0-9.]+)s.*/\1/' <<<"$plan")
    bound=$(sed -E 's/.*lower bound ([0-9.]+)s.*/\1/' <<<"$plan")
    # "batch overhead 1.5s" or, under a second, "batch overhead 509ms"
    overhead=$(offload plan -p 8 2>/dev/null | sed -nE 's/.*batch overhead ([0-9.]+)(m?)s.*/\1 \2/p' |
        awk '{ print ($2 == "m" ? $1 / 1000 : $1) }')
    offload run --trace >/dev/null 2>&1 || true
    read -r wall phase batches passed measured_o < <(measured)
    lpt=$(python3 -c "print(f'{($predicted - $overhead) / $bound:.3f}')")
    ratio=$(python3 -c "print(f'{$predicted / $phase:.3f}')")
    # The same prediction with the O this run measured: what plan shows once summary.json carries batch_overhead_secs.
    with_o=$(python3 -c "p = $predicted - $overhead + $measured_o; print(f'{p:.1f}s ({p / $phase:.3f})')")
    printf '%-6s %-30s %-11s %-8s %-12s %-9s %-11s %-12s %s\n' "$r" "${predicted}s, ${bound}s, ${overhead}s" "$lpt" "${wall}s" \
        "${phase}s" "$ratio" "${measured_o}s" "$with_o" "$(cut -d' ' -f1 /proc/loadavg) ($passed passed, $batches batches)"
done
