#!/bin/sh
# The JUnit engine inside Surefire against Surefire's own forks (issue 7, docs/benchmarks.md):
# CLASSES test classes (default 40), each one test sleeping SLEEP_MS (default 1000), run as
#   surefire-fork2   plain Surefire, forkCount=2
#   surefire-fork8   plain Surefire, forkCount=8
#   offload-8        the offload engine, offload.parallel=8 (local JVMs), no previous report
#   offload-8-known  the same again: durations known from the previous run's report (LPT on real figures)
# Each is timed as one 'mvn surefire:test' call (Maven start-up included, the same for all). Prints a table with
# wall time and CPU time (user+sys of the whole process tree: Maven, forks, batch JVMs), which stays meaningful on a
# loaded machine. VARIANTS (default: all four, in the order above) picks some; ROUNDS (default 1) repeats them,
# alternating. OFFLOAD_ARGS adds -D options to the offload runs (e.g. -Doffload.jvmDefaults=false).
# Needs the dev.offload artifacts in offload-maven-plugin/target/local-repo, which an invoker run installs:
#   ./mvnw -B -pl offload-maven-plugin -am verify -Dinvoker.test=junit-engine-surefire -DskipTests
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
REPO="$ROOT/offload-maven-plugin/target/local-repo"
WORK="$ROOT/bench/.work/junit-engine"
CLASSES=${CLASSES:-40}
SLEEP_MS=${SLEEP_MS:-1000}
VERSION=$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)

if [ ! -d "$REPO/dev/offload/offload-junit-engine/$VERSION" ]; then
    echo "missing $REPO/dev/offload/offload-junit-engine/$VERSION; run the invoker IT first (see the header)" >&2
    exit 1
fi

rm -rf "$WORK" && mkdir -p "$WORK/src/test/java/bench"
sed "s/@VERSION@/$VERSION/" "$ROOT/bench/junit-engine/pom.xml.in" > "$WORK/pom.xml"
i=1
while [ "$i" -le "$CLASSES" ]; do
    cat > "$WORK/src/test/java/bench/Sleep${i}Test.java" <<JAVA
package bench;

class Sleep${i}Test {
    @org.junit.jupiter.api.Test
    void sleeps() throws InterruptedException {
        Thread.sleep(${SLEEP_MS});
    }
}
JAVA
    i=$((i + 1))
done

MVN="$ROOT/mvnw -B -f $WORK/pom.xml -Dmaven.repo.local=$REPO"
$MVN -q test-compile >/dev/null

run() {
    name=$1
    shift
    /usr/bin/time -f '%e %U %S' -o "$WORK/$name.time" $MVN "$@" surefire:test >"$WORK/$name.log" 2>&1 \
        || { echo "$name failed, see $WORK/$name.log" >&2; exit 1; }
    line=$(grep -E 'Tests run: [0-9]+, Failures' "$WORK/$name.log" | tail -1 | sed 's/^\[[A-Z]*\] //')
    read -r wall user sys <"$WORK/$name.time"
    printf '%-16s wall %6.1fs  cpu %6.1fs   %s\n' "$name" "$wall" "$(echo "$user + $sys" | bc)" "$line"
}

echo "$CLASSES classes x ${SLEEP_MS} ms, $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
VARIANTS=${VARIANTS:-surefire-fork2 surefire-fork8 offload-8 offload-8-known}
OFFLOAD_ARGS=${OFFLOAD_ARGS:-}
round=1
while [ "$round" -le "${ROUNDS:-1}" ]; do
    for variant in $VARIANTS; do
        case $variant in
            surefire-fork2) run surefire-fork2 -DforkCount=2 ;;
            surefire-fork8) run surefire-fork8 -DforkCount=8 ;;
            # offload-8 starts without a previous report; offload-8-known reads the one the run before it wrote.
            offload-8) rm -rf "$WORK/target/offload" && run offload-8 -Poffload $OFFLOAD_ARGS ;;
            offload-8-known) run offload-8-known -Poffload $OFFLOAD_ARGS ;;
            *) echo "unknown variant $variant" >&2; exit 2 ;;
        esac
    done
    round=$((round + 1))
done
