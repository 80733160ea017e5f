#!/bin/sh
# Placeholder for the bundled ssh_sandbox.sh helper (SPEC §4.4); the real helper arrives in a later release.
echo "ssh_sandbox.sh: this bundled script is not part of this release yet" >&2
exit 2
