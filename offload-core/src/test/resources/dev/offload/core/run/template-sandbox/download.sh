#!/bin/sh
# Copies each remote:local pair out of the sandbox ($1); remote paths are relative to it unless absolute.
cd "$1" || exit 1
shift
for pair in "$@"; do
  cp "${pair%%:*}" "${pair#*:}" || exit 1
done
