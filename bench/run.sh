#!/usr/bin/env bash
# Every Offload-vs-pytest-xdist comparison side by side, in alternating rounds; writes the table and an SVG chart into
# docs/benchmarks.md (between the bench:run.sh markers) and docs/benchmarks.svg. See bench/README.md.
#
# Usage: bench/run.sh [quick|full]        quick: 3 rounds (under 10 minutes here), full: 5 rounds
# Environment: SUITES ("light longtail heavy real"), ROUNDS (overrides the mode), REAL_PROJECT (a checkout of
#              python-attrs/attrs; default bench/.work/attrs; the row is skipped when it is missing),
#              NO_DOCS=1 prints the table without touching docs/.
set -euo pipefail

mode=${1:-quick}
case "$mode" in
quick) rounds=${ROUNDS:-3} ;;
full) rounds=${ROUNDS:-5} ;;
*)
    echo "usage: bench/run.sh [quick|full]" >&2
    exit 2
    ;;
esac
root=$(cd "$(dirname "$0")/.." && pwd)
work=$root/bench/.work/compare
jar=$root/offload-cli/target/offload.jar
real_project=${REAL_PROJECT:-$root/bench/.work/attrs}
suites=${SUITES:-light longtail heavy real}
results=$work/results.tsv

log() { printf '[bench] %s\n' "$*" >&2; }

# This machine sets PYTHONDONTWRITEBYTECODE=1; a usual machine does not, and without a bytecode cache every pytest
# process rewrites every test module again (both sides alike).
unset PYTHONDONTWRITEBYTECODE

if [ ! -f "$jar" ]; then
    log "building $jar"
    (cd "$root" && ./mvnw -B -q -pl offload-cli -am package -DskipTests -Dinvoker.skip)
fi
if ! python3 -c 'import xdist' 2>/dev/null; then
    log "installing pytest-xdist from the local package mirror"
    for links in /opt/pypi/files /opt/wheels; do
        [ -d "$links" ] && python3 -m pip install -q --no-index --find-links "$links" pytest-xdist && break
    done
fi

# suite -> slots, whether Offload keeps its previous junit.xml (durations known), pytest paths
slots_of() { case $1 in light | real) echo 2 ;; longtail) echo 8 ;; heavy) echo 32 ;; esac }
keeps_durations() { [ "$1" = longtail ]; }

write_config() { # dir slots
    cat >"$1/offload.toml" <<EOF
[offload]
max_parallel = $2
test_timeout_secs = 600

[provider]
type = "local"

[framework]
type = "pytest"
paths = ["tests"]
command = "python3 -m pytest"

[groups.all]
retry_count = 0

[report]
output_dir = "offload-results"
EOF
}

generate() { # suite dir
    rm -rf "$2"
    mkdir -p "$2/tests"
    python3 - "$1" "$2/tests" <<'EOF'
import pathlib, random, sys
suite, d = sys.argv[1], pathlib.Path(sys.argv[2])
def write(name, tests):
    body = "import time\n\n\n" + "".join(tests)
    (d / name).write_text(body)
if suite == "light":  # 3,000 trivial tests
    for f in range(60):
        write(f"test_m{f:03d}.py", [f"def test_{t:03d}():\n    assert {t} + 1 == {t + 1}\n\n\n" for t in range(50)])
elif suite == "longtail":  # 400 sleeping tests, long-tailed: 0.05 s + 4 s / (rank + 1)^1.2, ~38 s in all
    secs = [0.05 + 4.0 / (i + 1) ** 1.2 for i in range(400)]
    random.Random(7).shuffle(secs)
    for f in range(20):
        write(f"test_t{f:02d}.py",
              [f"def test_{t:02d}():\n    time.sleep({secs[f * 20 + t]:.3f})\n\n\n" for t in range(20)])
elif suite == "heavy":  # 120 tests sleeping 2.5 s
    for f in range(12):
        write(f"test_h{f:02d}.py", [f"def test_{t:02d}():\n    time.sleep(2.5)\n\n\n" for t in range(10)])
EOF
}

prepare_suite() { # suite -> dir (printed)
    local suite=$1 dir=$work/$1
    if [ "$suite" = real ]; then
        if [ ! -d "$real_project/tests" ]; then
            log "skipping 'real': no checkout of python-attrs/attrs at $real_project (set REAL_PROJECT)"
            return 1
        fi
        rm -rf "$dir"
        cp -r "$real_project" "$dir"
        rm -rf "$dir/offload-results"
    else
        generate "$suite" "$dir"
    fi
    write_config "$dir" "$(slots_of "$suite")"
    echo "$dir"
}

# One measurement: suite side round -> a line of results.tsv (wall, user+sys CPU of the whole process tree, load).
measure() {
    local suite=$1 side=$2 round=$3 dir=$work/$1 slots
    slots=$(slots_of "$suite")
    local cmd
    if [ "$side" = xdist ]; then
        cmd=(python3 -m pytest -n "$slots" -q -p no:cacheprovider tests)
    else
        keeps_durations "$suite" || rm -rf "$dir/offload-results"
        cmd=("$root/scripts/offload" -c offload.toml run)
    fi
    local load
    load=$(cut -d' ' -f1 /proc/loadavg)
    local status=0
    (cd "$dir" && PYTHONPATH="$dir/src" /usr/bin/time -f '%e %U %S' -o "$work/time.txt" "${cmd[@]}" \
        >"$work/$suite-$side-$round.log" 2>&1) || status=$?
    local wall user sys cpu
    # /usr/bin/time writes "Command exited with non-zero status N" first when the command fails (a failing test).
    read -r wall user sys < <(tail -n 1 "$work/time.txt") || true
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$suite" "$side" "$round" "$wall" "$cpu" "$load" "$status" >>"$results"
    log "$(printf '%-8s %-7s round %s: %6.2f s wall, %6.2f s CPU, load %s, exit %s' \
        "$suite" "$side" "$round" "$wall" "$cpu" "$load" "$status")"
}

mkdir -p "$work"
: >"$results"
active=()
for suite in $suites; do
    if prepare_suite "$suite" >/dev/null; then active+=("$suite"); fi
done
log "mode $mode: $rounds rounds of ${active[*]} on $(nproc) cores; an Offload warm-up run first (not counted)"
for suite in "${active[@]}"; do # bytecode caches for both sides; junit.xml for the suites whose durations are known
    measure "$suite" offload 0
done
for ((r = 1; r <= rounds; r++)); do
    for suite in "${active[@]}"; do
        if ((r % 2)); then
            measure "$suite" xdist "$r"
            measure "$suite" offload "$r"
        else
            measure "$suite" offload "$r"
            measure "$suite" xdist "$r"
        fi
    done
done

report_args=("$results" "$(nproc)" "$mode")
if [ "${NO_DOCS:-}" != 1 ]; then
    report_args+=("$root/docs/benchmarks.md" "$root/docs/benchmarks.svg")
fi
python3 "$root/bench/report.py" "${report_args[@]}"
