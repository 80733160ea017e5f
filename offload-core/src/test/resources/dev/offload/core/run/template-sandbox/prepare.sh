#!/bin/sh
# Test-scope image builder for the default provider, speaking the prepare protocol of SPEC §13.4: an "image" is a
# directory under $2 whose path is the image id. $1 gets one line per call ("base" or "thin <base id>"), so tests can
# count builds. Base build: copy --context-dir, run --sandbox-init-cmd there. Thin-diff build (--from-base-image):
# copy the base, `git apply` the --patch-file, run --post-patch-cmd with OFFLOAD_PATCH_FILE set.
set -e
log=$1
images=$2
shift 2
context= base= patch= post= init=
for arg in "$@"; do
  case "$arg" in
    --context-dir=*) context=${arg#*=} ;;
    --sandbox-project-root=*) ;;
    --copy-dir=*) ;;
    --sandbox-init-cmd=*) init=${arg#*=} ;;
    --from-base-image=*) base=${arg#*=} ;;
    --patch-file=*) patch=${arg#*=} ;;
    --post-patch-cmd=*) post=${arg#*=} ;;
    *) echo "prepare.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done
mkdir -p "$images"
image=$(mktemp -d "$images/image.XXXXXX")
if [ -n "$base" ]; then
  echo "thin $base" >> "$log"
  cp -R "$base/." "$image/"
  cd "$image"
  [ -z "$patch" ] || git apply --binary "$patch"
  [ -z "$post" ] || OFFLOAD_PATCH_FILE=$patch sh -c "$post"
else
  echo "base" >> "$log"
  cp -R "$context/." "$image/"
  cd "$image"
  [ -z "$init" ] || sh -c "$init"
fi
echo "prepare.sh: image ready" >&2
printf '%s\n' "$image"
