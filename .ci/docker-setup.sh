#!/usr/bin/env bash
# Installs and starts a docker daemon and builds the base image the docker tests use (SPEC §8.8, ENVIRONMENT.md).
# No registry is reachable: the image is imported from a debootstrap root filesystem whose tarball is cached
# outside the repository, so reruns only re-import it (or find the image already there and do nothing).
# Idempotent: every step is skipped when its result exists. Prints how long it took.
#
# The image carries a label with a short hash of what went into it (package list, Node.js version): when the
# list changes, the tarball's cache name changes with it and an existing image with an older label is rebuilt
# under the same tag, so a machine with the old tarball or image gets the new contents.
set -euo pipefail

IMAGE="${OFFLOAD_TEST_IMAGE:-offload-test-base:bookworm}"
CACHE_DIR="${OFFLOAD_CI_CACHE:-/var/cache/offload-ci}"
# What the docker tests need inside a container: pytest, git (the `git apply` fallback), procps (ps for
# debugging), a JRE for the junit framework's batch JVMs (SPEC §7.3: a JVM >= 17, the bytecode level of
# offload-junit-engine).
PACKAGES="python3,python3-pytest,git,procps,openjdk-17-jre-headless"
# Node.js: this machine's own binary is copied into the image. Debian bookworm's nodejs is 18.x, and the vitest
# ITs' lockfile (vitest 3.2) installs vite 7, which needs Node >= 20.19; the same binary as the host also keeps
# the container's verdicts comparable with the local run. It needs only libc and libstdc++ (both in minbase).
NODE_BIN="$(command -v node || true)"
NODE_VERSION="$([ -n "$NODE_BIN" ] && "$NODE_BIN" --version || echo none)"
KEY="$(printf '%s\n%s\n' "$PACKAGES" "$NODE_VERSION" | sha256sum | cut -c1-12)"
ROOTFS_TAR="$CACHE_DIR/bookworm-rootfs-$KEY.tar"
LABEL="dev.offload.ci-image"
start=$(date +%s)

if ! command -v dockerd >/dev/null 2>&1 || ! command -v debootstrap >/dev/null 2>&1; then
  echo "[docker-setup] installing docker.io and debootstrap"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker.io debootstrap
fi

if ! docker info >/dev/null 2>&1; then
  echo "[docker-setup] starting dockerd (no bridge, no iptables: it must not rewrite the host firewall)"
  mkdir -p /var/log
  nohup dockerd --bridge=none --iptables=false >/var/log/offload-dockerd.log 2>&1 &
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 0.5
  done
  docker info >/dev/null 2>&1 || { echo "[docker-setup] dockerd did not start; see /var/log/offload-dockerd.log" >&2; exit 1; }
fi

if docker image inspect "$IMAGE" >/dev/null 2>&1; then
  current="$(docker image inspect --format "{{ index .Config.Labels \"$LABEL\" }}" "$IMAGE")"
else
  current="absent"
fi
if [ "$current" = "$KEY" ]; then
  echo "[docker-setup] image $IMAGE exists ($LABEL=$KEY)"
else
  [ "$current" = "absent" ] || echo "[docker-setup] image $IMAGE was built from another package list ($LABEL='$current', want '$KEY'): rebuilding"
  if [ ! -s "$ROOTFS_TAR" ]; then
    # The Debian mirror this machine's apt already uses (no host name written here).
    mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    [ -n "$mirror" ] || mirror=$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
    rootfs=$(mktemp -d)
    trap 'rm -rf "$rootfs"' EXIT
    echo "[docker-setup] debootstrap bookworm with $PACKAGES"
    debootstrap --variant=minbase --include="$PACKAGES" bookworm "$rootfs" ${mirror:+"$mirror"} >/dev/null
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    if [ -n "$NODE_BIN" ]; then
      echo "[docker-setup] adding this machine's node $NODE_VERSION as /usr/local/bin/node"
      install -m 0755 "$(readlink -f "$NODE_BIN")" "$rootfs/usr/local/bin/node"
    else
      echo "[docker-setup] warning: no node on PATH; the image has no Node.js (the vitest docker IT will fail)" >&2
    fi
    mkdir -p "$CACHE_DIR"
    tar -C "$rootfs" -cf "$ROOTFS_TAR.tmp" . && mv "$ROOTFS_TAR.tmp" "$ROOTFS_TAR"
  fi
  echo "[docker-setup] importing $IMAGE from $ROOTFS_TAR"
  docker import --change "LABEL $LABEL=$KEY" "$ROOTFS_TAR" "$IMAGE" >/dev/null
fi
echo "[docker-setup] ready: $IMAGE ($(( $(date +%s) - start ))s)"
