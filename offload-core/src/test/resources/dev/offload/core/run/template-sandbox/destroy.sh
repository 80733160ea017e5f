#!/bin/sh
# Removes a sandbox made by create.sh; refuses anything else. $2 (optional) counts calls like create.sh.
# Like removing a container, it first kills every process still working inside the sandbox (Linux /proc): a real
# destroy takes a sandbox's processes with it, whatever process group they put themselves in.
[ -n "$2" ] && echo "destroy $1" >> "$2"
case "$1" in
  */offload-sandbox.*) ;;
  *) echo "not a test sandbox: $1" >&2; exit 1 ;;
esac
for proc in /proc/[0-9]*; do
  case "$(readlink "$proc/cwd" 2>/dev/null)" in
    "$1" | "$1"/*) kill -KILL "${proc#/proc/}" 2>/dev/null ;;
  esac
done
rm -rf "$1"
