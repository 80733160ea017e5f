#!/usr/bin/env bash
# Offload (local provider, max_parallel = 2) against `pytest -n 2` (pytest-xdist) on a generated suite of trivial
# tests, measured alternately in the same run; prints median wall times and the ratio offload / xdist.
# See bench/README.md, "pytest-xdist: 2,000 trivial tests".
#
# Usage: bench/pytest-xdist/run.sh [rounds=3]
# Environment: FILES (40) x TESTS (50) per file; WORK (bench/.work/pytest-xdist); OFFLOAD_JAR (offload-cli/target/offload.jar);
#              NO_HYPERFINE=1 forces the built-in timing loop; PYC=0 keeps PYTHONDONTWRITEBYTECODE as inherited
#              (this machine sets it to 1, which makes every pytest process re-rewrite every test module it imports).
set -euo pipefail

rounds=${1:-3}
files=${FILES:-40}
tests=${TESTS:-50}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${WORK:-$root/bench/.work/pytest-xdist}
jar=${OFFLOAD_JAR:-$root/offload-cli/target/offload.jar}

log() { printf '%s\n' "$*" >&2; }

build_jar() {
    [ -f "$jar" ] && return
    log "building $jar (./mvnw -B -q install -DskipTests -Dinvoker.skip)"
    (cd "$root" && ./mvnw -B -q install -DskipTests -Dinvoker.skip)
}

# pip cannot reach the public index here: install from the machine's local mirror only (see ENVIRONMENT.md).
install_xdist() {
    python3 -c 'import xdist' 2>/dev/null && return
    log "installing pytest-xdist from the local mirror"
    local links
    for links in /opt/pypi/files /opt/wheels; do
        [ -d "$links" ] && python3 -m pip install -q --no-index --find-links "$links" pytest-xdist && return
    done
    log "error: pytest-xdist is not installed and no local mirror has it"
    exit 1
}

generate_suite() {
    rm -rf "$work"
    mkdir -p "$work/tests"
    python3 - "$work/tests" "$files" "$tests" <<'EOF'
import pathlib, sys
directory, files, tests = pathlib.Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
for f in range(files):
    body = "".join(f"def test_{t:03d}():\n    assert {t} + 1 == {t + 1}\n\n\n" for t in range(tests))
    (directory / f"test_m{f:03d}.py").write_text(body)
EOF
    write_config offload.toml true
    write_config offload-nohedge.toml false
}

# One config per hedging setting, each with its own output directory.
write_config() {
    cat >"$work/$1" <<EOF
[offload]
max_parallel = 2
impatiently_requeue_batches = $2

[provider]
type = "local"

[framework]
type = "pytest"
paths = ["tests"]
command = "python3 -m pytest"

[groups.all]
retry_count = 0

[report]
output_dir = "results-${1%.toml}"
EOF
}

# name<TAB>command<TAB>prepare. Each Offload run starts without a previous junit.xml (a fresh CI checkout), so its
# plan is the same every time: equal estimates, batches balanced by count.
commands() {
    printf '%s\t%s\t%s\n' \
        "xdist" "python3 -m pytest -n 2 -q -p no:cacheprovider" "true" \
        "offload" "env OFFLOAD_JAR=$jar $root/scripts/offload -c offload.toml run" "rm -rf results-offload" \
        "offload-nohedge" "env OFFLOAD_JAR=$jar $root/scripts/offload -c offload-nohedge.toml run" "rm -rf results-offload-nohedge" \
        "ref: java -jar (default JIT)" "java -jar $jar -c offload.toml run" "rm -rf results-offload" \
        "ref: pytest serial" "python3 -m pytest -q -p no:cacheprovider" "true" \
        "ref: pytest --collect-only" "python3 -m pytest --collect-only -q -p no:cacheprovider" "true" \
        "ref: java -jar offload.jar --version" "java -jar $jar --version" "true"
}

# One round with hyperfine: every command once, in order, so the commands alternate across rounds.
round_hyperfine() {
    local out=$1 args=() name cmd prep
    while IFS=$'\t' read -r name cmd prep; do
        args+=(--prepare "$prep" --command-name "$name" "$cmd")
    done < <(commands)
    hyperfine -N --runs 1 --style none --export-json "$out" "${args[@]}" >/dev/null 2>"$out.log" ||
        { cat "$out.log" >&2; exit 1; }
}

# The same without hyperfine: a JSON file of the same shape (results[].command, results[].times).
round_loop() {
    local out=$1 name cmd prep start end first=1
    printf '{"results": [' >"$out"
    while IFS=$'\t' read -r name cmd prep; do
        $prep
        start=$(date +%s%N)
        $cmd >/dev/null 2>>"$out.log" || { log "error: '$cmd' failed, see $out.log"; exit 1; }
        end=$(date +%s%N)
        [ $first = 1 ] || printf ',' >>"$out"
        first=0
        printf '{"command": "%s", "times": [%s]}' "$name" "$(awk "BEGIN{print ($end-$start)/1e9}")" >>"$out"
    done < <(commands)
    printf ']}\n' >>"$out"
}

summarise() {
    python3 - "$@" <<'EOF'
import json, statistics, sys
times = {}
for path in sys.argv[1:]:
    for r in json.load(open(path))["results"]:
        times.setdefault(r["command"], []).extend(r["times"])
base = statistics.median(times["xdist"])
base_min = min(times["xdist"])
print(f"{'command':<38} {'median':>8} {'min':>8} {'max':>8} {'median/xdist':>13} {'min/xdist':>10}")
for name, t in times.items():
    m = statistics.median(t)
    print(f"{name:<38} {m:>7.2f}s {min(t):>7.2f}s {max(t):>7.2f}s {m / base:>13.2f} {min(t) / base_min:>10.2f}")
offload = times["offload"]
print(f"\n{len(sys.argv) - 1} rounds; offload / xdist: median {statistics.median(offload) / base:.2f}, "
      f"min {min(offload) / base_min:.2f}, per round " + " ".join(f"{o / x:.2f}" for o, x in zip(offload, times["xdist"])))
EOF
}

build_jar
install_xdist
# By default Python writes bytecode, as on a usual developer machine or CI runner: the warm-up round then leaves the
# assertion-rewritten test modules in tests/__pycache__ for every later pytest process, on both sides.
[ "${PYC:-1}" = 0 ] || unset PYTHONDONTWRITEBYTECODE
generate_suite
cd "$work"
log "suite: $files files x $tests tests in $work; PYTHONDONTWRITEBYTECODE=${PYTHONDONTWRITEBYTECODE:-unset}"
log "$(nproc) CPUs; load average: $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); $(python3 -m pytest --version 2>&1)"
runner=round_loop
[ -z "${NO_HYPERFINE:-}" ] && command -v hyperfine >/dev/null && runner=round_hyperfine
log "warm-up round (not counted), then $rounds rounds with $runner"
$runner warmup.json
results=()
for i in $(seq 1 "$rounds"); do
    $runner "round-$i.json"
    results+=("round-$i.json")
    log "round $i/$rounds done; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
done
summarise "${results[@]}"
