#!/bin/sh
# A stand-in runner for a batch: streams an end event for test "a" (and the failed "f"), writes no result file,
# and dies by SIGKILL while "z" runs. Real runners (the junit BatchRunner, the pytest plugin) print the same lines.
for t in "$@"; do
  case "$t" in
    a) echo "##offload:${OFFLOAD_EVENT_TOKEN}## {\"ev\":\"start\",\"id\":\"a\"}"
       echo "plain output of a"
       echo "##offload:${OFFLOAD_EVENT_TOKEN}## {\"ev\":\"end\",\"id\":\"a\",\"status\":\"passed\",\"ms\":250}" ;;
    f) echo "##offload:${OFFLOAD_EVENT_TOKEN}## {\"ev\":\"end\",\"id\":\"f\",\"status\":\"failed\",\"ms\":5,\"err\":{\"type\":\"java.lang.AssertionError\",\"message\":\"nope\",\"trace\":\"java.lang.AssertionError: nope\"}}" ;;
    z) echo "##offload:not-our-token## {\"ev\":\"end\",\"id\":\"z\",\"status\":\"passed\",\"ms\":1}"
       sleep 1
       kill -9 $$ ;;
  esac
done
