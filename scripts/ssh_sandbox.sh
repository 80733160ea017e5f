#!/bin/sh
# Offload's ssh sandbox helper for the `default` provider (SPEC §4.4): the subcommand protocol of modal_sandbox.py
# over ssh and rsync. A sandbox is a workspace directory on a host. There are no remote images: an "image" is a local
# directory holding a copy of the project and a recipe of what `create` copies and runs; its id is the recipe's path.
# Only ids go to stdout (and exec's own output); logs go to stderr.
#
#   prepare [--include-cwd] [--copy-dir=LOCAL:REMOTE]... [--sandbox-init-cmd=CMD] [--context-dir=DIR]
#           [--sandbox-project-root=ROOT]         copies the project (DIR, without .git) into a new image; prints its id
#   prepare --from-base-image=ID [--sandbox-project-root=ROOT] [--patch-file=P] [--post-patch-cmd=CMD]
#                                                 thin-diff image (SPEC §13.5): the base's copy with P applied (git
#                                                 apply, on this machine); CMD runs in each workspace after the init
#   create RECIPE                                 makes a workspace, copies the project and copy dirs, runs the init
#                                                 and post-patch commands; prints the sandbox id (host|workspace)
#   exec ID COMMAND                               runs sh -c COMMAND in the workspace, exits with its status
#   download ID REMOTE:LOCAL...                   copies files out (REMOTE relative to the workspace unless absolute)
#   destroy ID                                    removes the workspace
#   destroy-many                                  removes the ids read from stdin, always exits 0
#
# Environment: OFFLOAD_SSH_HOSTS ("[user@]host[:port]", several separated by spaces: create picks one at random),
# OFFLOAD_SSH_OPTIONS (extra ssh words, e.g. "-i ~/.ssh/ci -o StrictHostKeyChecking=accept-new"),
# OFFLOAD_SSH_REMOTE_DIR (parent of the workspaces, default /tmp/offload). ROOT and the REMOTE half of copy dirs are
# relative to the workspace (a leading / is dropped); with sandbox_project_root = "." commands run in the workspace.
set -u

log() { printf 'ssh_sandbox: %s\n' "$*" >&2; }
die() { log "$*"; exit 2; }

# q VALUE: VALUE quoted for the remote shell.
q() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

remote_dir="${OFFLOAD_SSH_REMOTE_DIR:-/tmp/offload}"

# host_args SPEC: sets $host and $port from [user@]host[:port].
host_args() {
  host="${1%:*}" port="${1##*:}"
  [ "$host" = "$1" ] && port=""
  case "$port" in *[!0-9]*) host="$1" port="" ;; esac
}

# rsh SPEC COMMAND...: runs a command on the host.
rsh() {
  host_args "$1"; shift
  # shellcheck disable=SC2086 # OFFLOAD_SSH_OPTIONS is a list of words on purpose
  ssh -o BatchMode=yes ${port:+-p "$port"} ${OFFLOAD_SSH_OPTIONS:-} "$host" "$@"
}

# push SPEC LOCAL_DIR REMOTE_DIR: rsync a directory's content into a remote directory.
push() {
  host_args "$1"
  # shellcheck disable=SC2086
  rsync -az --delete --exclude=.git/ -e "ssh -o BatchMode=yes ${port:+-p $port} ${OFFLOAD_SSH_OPTIONS:-}" \
    "$2/" "$host:$3/" >&2 || die "rsync of $2 to $1 failed"
}

prepare() {
  image=$(mktemp -d "${TMPDIR:-/tmp}/offload-ssh-image.XXXXXX") || exit 1
  recipe="$image/recipe"
  : > "$recipe"
  include_cwd=0 context="." root="." base="" patch="" post=""
  for arg in "$@"; do
    case "$arg" in
      --include-cwd) include_cwd=1 ;;
      --copy-dir=*) printf 'copy\t%s\n' "${arg#--copy-dir=}" >> "$recipe" ;;
      --sandbox-init-cmd=*) printf 'init\t%s\n' "${arg#--sandbox-init-cmd=}" >> "$recipe" ;;
      --context-dir=*) context="${arg#--context-dir=}" ;;
      --sandbox-project-root=*) root="${arg#--sandbox-project-root=}" ;;
      --from-base-image=*) base="${arg#--from-base-image=}" ;;
      --patch-file=*) patch="${arg#--patch-file=}" ;;
      --post-patch-cmd=*) post="${arg#--post-patch-cmd=}" ;;
      *) die "prepare: unknown argument $arg" ;;
    esac
  done
  if [ -n "$base" ]; then
    [ -f "$base" ] || die "prepare: no image $base"
    # Everything the base does, minus its project and post-patch command, which are replaced here.
    awk -F '\t' '$1 != "project" && $1 != "post"' "$base" > "$recipe"
    based=$(awk -F '\t' '$1 == "project" { print $2 }' "$base")
    if [ -n "$based" ]; then
      rsync -a "$based/" "$image/project/" || die "prepare: cannot copy $based"
      printf 'project\t%s\n' "$image/project" >> "$recipe"
    fi
    if [ -n "$patch" ]; then
      [ -n "$based" ] || die "prepare: the base image holds no project to patch (use --include-cwd)"
      # GIT_CEILING_DIRECTORIES: never mistake a repository around the image for the project's own.
      GIT_CEILING_DIRECTORIES="$image" git -C "$image/project" apply --binary "$patch" >&2 \
        || die "prepare: the patch does not apply"
    fi
    [ -n "$post" ] && printf 'post\t%s\n' "$post" >> "$recipe"
  else
    context=$(cd "$context" && pwd) || die "prepare: no context directory $context"
    printf 'root\t%s\n' "${root#/}" >> "$recipe"
    if [ "$include_cwd" = 1 ]; then
      # A copy: the context may be a temporary export that is gone when sandboxes are created.
      rsync -a --exclude=.git/ "$context/" "$image/project/" || die "prepare: cannot copy $context"
      printf 'project\t%s\n' "$image/project" >> "$recipe"
    fi
  fi
  printf '%s\n' "$recipe"
}

create() {
  [ $# -eq 1 ] && [ -f "$1" ] || die "create: usage: create RECIPE (the id prepare printed)"
  [ -n "${OFFLOAD_SSH_HOSTS:-}" ] || die "create: set OFFLOAD_SSH_HOSTS"
  # shellcheck disable=SC2086
  set -- "$1" $OFFLOAD_SSH_HOSTS
  recipe="$1"; shift
  pick=$(awk -v n=$# 'BEGIN { srand(); print int(rand() * n) + 1 }')
  eval "spec=\${$pick}"
  ws="$remote_dir/offload-$(date +%s)-$$-$(awk 'BEGIN { srand(); printf "%06d", rand() * 1000000 }')"
  root=$(awk -F '\t' '$1 == "root" { print $2 }' "$recipe")
  rsh "$spec" "mkdir -p $(q "$ws/$root")" || die "cannot create $ws on $spec"
  project=$(awk -F '\t' '$1 == "project" { print $2 }' "$recipe")
  [ -n "$project" ] && push "$spec" "$project" "$ws/$root"
  awk -F '\t' '$1 == "copy" { print $2 }' "$recipe" | while IFS= read -r dir; do
    remote="${dir#*:}"
    rsh "$spec" "mkdir -p $(q "$ws/${remote#/}")" || exit 2
    push "$spec" "${dir%%:*}" "$ws/${remote#/}"
  done || exit 2
  init=$(awk -F '\t' '$1 == "init" { sub(/^init\t/, ""); print }' "$recipe")
  if [ -n "$init" ]; then
    rsh "$spec" "cd $(q "$ws/$root") && sh -c $(q "$init")" >&2 || die "the sandbox init command failed on $spec"
  fi
  post=$(awk -F '\t' '$1 == "post" { sub(/^post\t/, ""); print }' "$recipe")
  if [ -n "$post" ]; then
    rsh "$spec" "cd $(q "$ws/$root") && sh -c $(q "$post")" >&2 || die "the post-patch command failed on $spec"
  fi
  printf '%s|%s\n' "$spec" "$ws"
}

# split ID: sets $spec and $ws; refuses anything that is not one of our workspaces.
split() {
  spec="${1%%|*}" ws="${1#*|}"
  case "$ws" in "$remote_dir"/offload-*) ;; *) die "not an ssh_sandbox.sh sandbox id: $1" ;; esac
}

download() {
  [ $# -ge 2 ] || die "download: usage: download ID REMOTE:LOCAL..."
  split "$1"; shift
  host_args "$spec"
  for pair in "$@"; do
    path="${pair%%:*}" local="${pair#*:}"
    case "$path" in /*) ;; *) path="$ws/$path" ;; esac
    mkdir -p "$(dirname -- "$local")"
    # shellcheck disable=SC2086
    rsync -a -e "ssh -o BatchMode=yes ${port:+-p $port} ${OFFLOAD_SSH_OPTIONS:-}" "$host:$path" "$local" >&2 \
      || die "cannot copy $path from $spec"
  done
}

[ $# -ge 1 ] || die "usage: ssh_sandbox.sh prepare|create|exec|download|destroy|destroy-many ..."
subcommand="$1"; shift
case "$subcommand" in
  prepare) prepare "$@" ;;
  create) create "$@" ;;
  exec)
    [ $# -eq 2 ] || die "exec: usage: exec ID COMMAND"
    split "$1"
    rsh "$spec" "cd $(q "$ws") && sh -c $(q "$2")" ;;
  download) download "$@" ;;
  destroy)
    [ $# -eq 1 ] || die "destroy: usage: destroy ID"
    split "$1"
    rsh "$spec" "rm -rf $(q "$ws")" || die "cannot remove $ws on $spec" ;;
  destroy-many)
    while IFS= read -r id; do
      [ -n "$id" ] || continue
      ( split "$id" && rsh "$spec" "rm -rf $(q "$ws")" ) || log "cannot remove $id"
    done
    exit 0 ;;
  *) die "unknown subcommand $subcommand" ;;
esac
