#!/bin/sh
# Times estimating, planning and sharding 100,000 synthetic ids (see bench/README.md, "Scheduling 100,000 ids").
# Arguments are passed on: [ids=100000] [maxParallel=10] [rounds=5].
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
./mvnw -B -q -pl offload-core test-compile
exec java -cp offload-core/target/classes:offload-core/target/test-classes \
    dev.offload.core.schedule.SchedulingBenchmark "$@"
