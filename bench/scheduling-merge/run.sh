#!/bin/sh
# Times scheduling + report merge of 100,000 synthetic ids in one cold JVM capped at 512 MiB of heap
# (see bench/README.md, "Scheduling + report merge"). Arguments are passed on:
# [ids=100000] [maxParallel=10] [rounds=3] [outDir=bench/.work/scheduling-merge]. HEAP overrides -Xmx512m.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
mkdir -p bench/.work
./mvnw -B -q -pl offload-core test-compile dependency:build-classpath \
    -Dmdep.outputFile="$root/bench/.work/core.classpath" -Dmdep.includeScope=runtime
# JAVA_OPTS adds JVM options, e.g. -XX:TieredStopAtLevel=1 to compare JIT settings.
exec java "-Xmx${HEAP:-512m}" ${JAVA_OPTS:-} \
    -cp "offload-core/target/classes:offload-core/target/test-classes:$(cat bench/.work/core.classpath)" \
    dev.offload.core.schedule.SchedulingMergeBenchmark "$@"
