#!/bin/sh
# Removes a sandbox made by create.sh; refuses anything else. $2 (optional) counts calls like create.sh.
[ -n "$2" ] && echo "destroy $1" >> "$2"
case "$1" in
  */offload-sandbox.*) rm -rf "$1" ;;
  *) echo "not a test sandbox: $1" >&2; exit 1 ;;
esac
