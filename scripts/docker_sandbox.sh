#!/bin/sh
# Offload's docker CLI sandbox helper for the `default` provider (SPEC §4.4): the subcommand protocol of
# modal_sandbox.py implemented with the docker CLI. Only ids go to stdout (and exec's own output); logs go to stderr.
#
#   prepare [DOCKERFILE] [--include-cwd] [--copy-dir=LOCAL:REMOTE]... [--sandbox-init-cmd=CMD]
#           [--context-dir=DIR] [--sandbox-project-root=ROOT]        builds an image, prints its id
#   prepare --from-base-image=ID [--sandbox-project-root=ROOT] [--patch-file=P] [--post-patch-cmd=CMD]
#                                                   thin-diff image on ID (SPEC §13.5, §13.6), prints its id
#   create IMAGE [--cpu N] [--memory-gb G] [--timeout S]             starts a container, prints its id
#   exec ID COMMAND                                                  runs sh -c COMMAND, exits with its status
#   download ID REMOTE:LOCAL...                                      copies files out of the container
#   destroy ID                                                       removes the container
#   destroy-many                                                     removes the ids read from stdin, exits 0
#
# Environment: OFFLOAD_DOCKER_IMAGE is the base image when no DOCKERFILE is given (default python:3.11-slim);
# OFFLOAD_DOCKER_NETWORK is the container network (default none); OFFLOAD_DOCKER_RUN_ARGS are extra `docker run`
# words (split on spaces).
set -u

log() { printf 'docker_sandbox: %s\n' "$*" >&2; }
die() { log "$*"; exit 2; }

command -v docker >/dev/null 2>&1 || die "the docker CLI is not installed"

# Builds FROM $1 with a generated Dockerfile (stdin) and context $2; prints the new image id. Generated layers carry
# the label dev.offload.helper=docker_sandbox.sh so that they can be found and pruned.
build() {
  docker build --quiet --network none --label dev.offload.helper=docker_sandbox.sh -f - "$2" \
    || die "docker build failed (FROM $1)"
}

# q VALUE: VALUE quoted for sh.
q() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

# thin BASE ROOT PATCH POST: one layer on BASE that applies PATCH (if any) in ROOT with `offload apply-diff` or
# `git apply`, then runs POST (if any) with OFFLOAD_PATCH_FILE set when there is a patch; prints the image id.
thin() {
  ctx=$(mktemp -d) || exit 1
  {
    printf 'set -e\ncd %s\n' "$(q "$2")"
    if [ -n "$3" ]; then
      printf 'if command -v offload >/dev/null 2>&1; then offload apply-diff /tmp/offload.patch --project-root %s;' "$(q "$2")"
      printf ' else git -C %s apply --binary /tmp/offload.patch; fi\nexport OFFLOAD_PATCH_FILE=/tmp/offload.patch\n' "$(q "$2")"
      cp "$3" "$ctx/offload.patch" || die "prepare: cannot read $3"
    else
      : > "$ctx/offload.patch"
    fi
    [ -n "$4" ] && printf 'sh -c %s\n' "$(q "$4")"
    printf 'rm -f /tmp/offload.patch /tmp/offload-patch.sh\n'
  } > "$ctx/offload-patch.sh"
  image=$(printf 'FROM %s\nCOPY offload.patch offload-patch.sh /tmp/\nRUN sh /tmp/offload-patch.sh\n' "$1" \
    | build "$1" "$ctx") || { rm -rf "$ctx"; exit 2; }
  rm -rf "$ctx"
  printf '%s\n' "$image"
}

prepare() {
  dockerfile="" include_cwd=0 init_cmd="" context="." root="/app" base="" patch="" post=""
  copy_dirs_file=$(mktemp) || exit 1
  trap 'rm -f "$copy_dirs_file"' EXIT
  for arg in "$@"; do
    case "$arg" in
      --include-cwd) include_cwd=1 ;;
      --copy-dir=*) printf '%s\n' "${arg#--copy-dir=}" >> "$copy_dirs_file" ;;
      --sandbox-init-cmd=*) init_cmd="${arg#--sandbox-init-cmd=}" ;;
      --context-dir=*) context="${arg#--context-dir=}" ;;
      --sandbox-project-root=*) root="${arg#--sandbox-project-root=}" ;;
      --from-base-image=*) base="${arg#--from-base-image=}" ;;
      --patch-file=*) patch="${arg#--patch-file=}" ;;
      --post-patch-cmd=*) post="${arg#--post-patch-cmd=}" ;;
      --*) die "prepare: unknown option $arg" ;;
      *) dockerfile="$arg" ;;
    esac
  done
  if [ -n "$base" ]; then
    log "thin-diff image on $base"
    thin "$base" "$root" "$patch" "$post"
    return
  fi
  if [ -n "$dockerfile" ]; then
    log "building $dockerfile"
    image=$(docker build --quiet --network none -f "$dockerfile" "$context") || die "docker build of $dockerfile failed"
  else
    image="${OFFLOAD_DOCKER_IMAGE:-python:3.11-slim}"
  fi
  if [ "$include_cwd" = 1 ]; then
    log "adding $context at $root"
    # The project is the build context, so docker applies its .dockerignore.
    image=$(printf 'FROM %s\nCOPY . %s\n' "$image" "$root" | build "$image" "$context") || exit 2
  fi
  while IFS= read -r spec; do
    [ -n "$spec" ] || continue
    log "adding ${spec%%:*} at ${spec#*:}"
    image=$(printf 'FROM %s\nCOPY . %s\n' "$image" "${spec#*:}" | build "$image" "${spec%%:*}") || exit 2
  done < "$copy_dirs_file"
  if [ -n "$init_cmd" ]; then
    log "running the sandbox init command"
    empty=$(mktemp -d) || exit 1
    image=$(printf 'FROM %s\nWORKDIR %s\nRUN %s\n' "$image" "$root" "$init_cmd" | build "$image" "$empty") || exit 2
    rmdir "$empty"
  fi
  printf '%s\n' "$image"
}

create() {
  [ $# -ge 1 ] || die "create: missing IMAGE"
  image="" cpus="" memory=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --cpu) cpus="$2"; shift 2 ;;
      --memory-gb) memory=$(awk -v g="$2" 'BEGIN { m = g * 1024; printf "%d", (m == int(m)) ? m : int(m) + 1 }'); shift 2 ;;
      --timeout) shift 2 ;; # containers live until destroyed; Offload destroys them on every exit path
      --*) die "create: unknown option $1" ;;
      *) image="$1"; shift ;;
    esac
  done
  set -- run -d --label dev.offload.helper=docker_sandbox.sh --network "${OFFLOAD_DOCKER_NETWORK:-none}"
  [ -n "$cpus" ] && set -- "$@" --cpus "$cpus"
  [ -n "$memory" ] && set -- "$@" --memory "${memory}m"
  # shellcheck disable=SC2086 # OFFLOAD_DOCKER_RUN_ARGS is a list of words on purpose
  set -- "$@" ${OFFLOAD_DOCKER_RUN_ARGS:-} "$image" sleep infinity
  docker "$@" || die "docker run failed"
}

download() {
  [ $# -ge 2 ] || die "download: usage: download ID REMOTE:LOCAL..."
  id="$1"; shift
  for pair in "$@"; do
    case "$pair" in *:*) ;; *) die "download: bad pair $pair (expected remote:local)" ;; esac
    mkdir -p "$(dirname -- "${pair#*:}")"
    docker cp "$id:${pair%%:*}" "${pair#*:}" >/dev/null || die "cannot copy ${pair%%:*} out of $id"
  done
}

[ $# -ge 1 ] || die "usage: docker_sandbox.sh prepare|create|exec|download|destroy|destroy-many ..."
subcommand="$1"; shift
case "$subcommand" in
  prepare) prepare "$@" ;;
  create) create "$@" ;;
  exec)
    [ $# -eq 2 ] || die "exec: usage: exec ID COMMAND"
    exec docker exec "$1" sh -c "$2" ;;
  download) download "$@" ;;
  destroy)
    [ $# -eq 1 ] || die "destroy: usage: destroy ID"
    docker rm -f "$1" >/dev/null || die "cannot remove $1" ;;
  destroy-many)
    while IFS= read -r id; do
      [ -n "$id" ] && { docker rm -f "$id" >/dev/null || log "cannot remove $id"; }
    done
    exit 0 ;;
  *) die "unknown subcommand $subcommand" ;;
esac
