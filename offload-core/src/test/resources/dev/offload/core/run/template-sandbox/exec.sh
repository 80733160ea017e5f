#!/bin/sh
# Runs the command ($2) inside the sandbox directory ($1).
cd "$1" || exit 125
exec sh -c "$2"
