#!/bin/sh
# Test-scope sandbox for the default provider: a private copy of the project ($1) in a new temp directory, whose
# path is the sandbox id. $2 (optional) is a file that gets one line per call, for tests that count sandboxes.
set -e
[ -n "$2" ] && echo "create" >> "$2"
# OFFLOAD_TEST_SANDBOX_TAG (set by the build) names this build's sandboxes apart from another build's.
dir=$(mktemp -d "${TMPDIR:-/tmp}/offload-sandbox.${OFFLOAD_TEST_SANDBOX_TAG:-untagged}.XXXXXX")
cp -R "$1/." "$dir/"
printf '%s\n' "$dir"
