#!/usr/bin/env python3
# /// script
# requires-python = ">=3.10"
# dependencies = ["modal>=1.0"]
# ///
"""Offload's Modal lifecycle helper (SPEC §8.7): a thin wrapper over the Modal SDK.

Subcommands: prepare, create, exec, download, destroy, destroy-many. Only ids go to stdout (the image id of prepare,
the sandbox id of create) and exec's own output; everything else is logged to stderr. Run with `uv run` (which
installs the Modal SDK from the header above) or with python3 where the `modal` package is installed.
"""
import argparse
import base64
import json
import math
import os
import shlex
import sys
import threading
import time

APP_NAME = os.environ.get("OFFLOAD_MODAL_APP", "offload")
PATCH_PATH = "/tmp/offload.patch"


def log(message):
    print("modal_sandbox: " + message, file=sys.stderr, flush=True)


def sdk():
    try:
        import modal
    except ImportError:
        log("the Modal SDK is not installed: run this script with 'uv run', or 'pip install modal'")
        sys.exit(2)
    return modal


def app(modal):
    return modal.App.lookup(APP_NAME, create_if_missing=True)


def shell_in(root, command):
    return "cd '" + root.replace("'", "'\\''") + "' && " + command


def dockerignore(modal, context_dir):
    path = os.path.join(context_dir, ".dockerignore")
    if os.path.isfile(path):
        return modal.FilePatternMatcher.from_file(path)
    return None


def base_image(modal, args):
    if args.dockerfile:
        log("building from " + args.dockerfile)
        return modal.Image.from_dockerfile(args.dockerfile, context_dir=args.context_dir)
    return modal.Image.debian_slim(python_version="3.11").pip_install("pytest")


def cmd_prepare(args):
    modal = sdk()
    root = args.sandbox_project_root
    if args.from_base_image:
        # Thin-diff build (SPEC §13.5, §13.6): the patch is applied at the repository root, then post_patch_cmd runs
        # with OFFLOAD_PATCH_FILE set when there is a patch.
        image = modal.Image.from_id(args.from_base_image)
        if args.patch_file:
            apply = ("if command -v offload >/dev/null; then offload apply-diff {p} --project-root {r};"
                     " else git -C {r} apply --binary {p}; fi").format(p=PATCH_PATH, r=shlex.quote(root))
            image = image.add_local_file(args.patch_file, PATCH_PATH, copy=True).run_commands(apply)
        if args.post_patch_cmd:
            export = "export OFFLOAD_PATCH_FILE=" + PATCH_PATH + " && " if args.patch_file else ""
            image = image.run_commands(shell_in(root, export + args.post_patch_cmd))
        if args.patch_file:
            image = image.run_commands("rm -f " + PATCH_PATH)
    else:
        image = base_image(modal, args)
        if args.include_cwd:
            image = image.add_local_dir(
                args.context_dir, remote_path=root, copy=True, ignore=dockerignore(modal, args.context_dir) or [])
        for spec in args.copy_dir:
            local, _, remote = spec.partition(":")
            image = image.add_local_dir(local, remote_path=remote, copy=True)
        if args.sandbox_init_cmd:
            image = image.run_commands(shell_in(root, args.sandbox_init_cmd))
    image.build(app(modal))
    log("image ready")
    print(image.object_id, flush=True)


def cmd_create(args):
    modal = sdk()
    options = {"app": app(modal), "image": modal.Image.from_id(args.image), "cpu": args.cpu, "timeout": args.timeout}
    if args.memory_gb is not None:
        options["memory"] = int(math.ceil(args.memory_gb * 1024))
    if args.experimental_options:
        options["experimental_options"] = json.loads(args.experimental_options)
    sandbox = modal.Sandbox.create("sleep", "infinity", **options)
    for spec in args.copy_dir:
        log("copying " + spec)
        local, _, remote = spec.partition(":")
        upload_dir(sandbox, local, remote)
    print(sandbox.object_id, flush=True)


def upload_dir(sandbox, local, remote):
    for folder, _, files in os.walk(local):
        target = os.path.join(remote, os.path.relpath(folder, local))
        sandbox.exec("mkdir", "-p", target).wait()
        for name in files:
            with open(os.path.join(folder, name), "rb") as f:
                data = base64.b64encode(f.read()).decode()
            proc = sandbox.exec("sh", "-c", 'base64 -d > "$1"', "upload", os.path.join(target, name))
            proc.stdin.write(data)
            proc.stdin.write_eof()
            proc.stdin.drain()
            proc.wait()


def pump(stream, out):
    for line in stream:
        out.write(line)
        out.flush()


def cmd_exec(args):
    modal = sdk()
    sandbox = modal.Sandbox.from_id(args.sandbox_id)
    proc = sandbox.exec("bash", "-c", args.command)
    proc.stdin.write_eof()
    errors = threading.Thread(target=pump, args=(proc.stderr, sys.stderr), daemon=True)
    errors.start()
    pump(proc.stdout, sys.stdout)
    proc.wait()
    errors.join(10)
    sys.exit(proc.returncode)


def cmd_download(args):
    modal = sdk()
    sandbox = modal.Sandbox.from_id(args.sandbox_id)
    for pair in args.paths:
        remote, sep, local = pair.partition(":")
        if not sep:
            log("bad path pair (expected remote:local): " + pair)
            sys.exit(2)
        proc = sandbox.exec("base64", remote)
        data = proc.stdout.read()
        proc.wait()
        if proc.returncode != 0:
            log("cannot read " + remote + ": " + proc.stderr.read().strip())
            sys.exit(1)
        os.makedirs(os.path.dirname(os.path.abspath(local)), exist_ok=True)
        with open(local, "wb") as f:
            f.write(base64.b64decode("".join(data.split())))


def cmd_destroy(args):
    modal = sdk()
    modal.Sandbox.from_id(args.sandbox_id).terminate()


def cmd_destroy_many(args):
    """Terminates the ids on stdin, retrying rate-limited calls; never fails, never lists other sandboxes."""
    modal = sdk()
    ids = [line.strip() for line in sys.stdin if line.strip()]
    for sandbox_id in ids:
        for attempt in range(5):
            try:
                modal.Sandbox.from_id(sandbox_id).terminate()
                break
            except Exception as e:  # rate limits and transient errors: back off and try again
                log("terminate %s failed (attempt %d/5): %s" % (sandbox_id, attempt + 1, e))
                time.sleep(0.5 * 2 ** attempt)
    sys.exit(0)


def parser():
    p = argparse.ArgumentParser(prog="modal_sandbox.py", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="subcommand", required=True)

    prep = sub.add_parser("prepare", help="build an image; prints its id")
    prep.add_argument("dockerfile", nargs="?")
    prep.add_argument("--include-cwd", action="store_true")
    prep.add_argument("--copy-dir", action="append", default=[])
    prep.add_argument("--sandbox-init-cmd")
    prep.add_argument("--context-dir", default=".")
    prep.add_argument("--sandbox-project-root", default="/app")
    prep.add_argument("--from-base-image")
    prep.add_argument("--patch-file")
    prep.add_argument("--post-patch-cmd")
    prep.set_defaults(run=cmd_prepare)

    create = sub.add_parser("create", help="start a sandbox; prints its id")
    create.add_argument("image")
    create.add_argument("--cpu", type=float, default=0.125)
    create.add_argument("--memory-gb", type=float)
    create.add_argument("--experimental-options")
    create.add_argument("--copy-dir", action="append", default=[])
    create.add_argument("--timeout", type=int, default=3600)
    create.set_defaults(run=cmd_create)

    ex = sub.add_parser("exec", help="run a command with bash -c; exits with its status")
    ex.add_argument("sandbox_id")
    ex.add_argument("command")
    ex.set_defaults(run=cmd_exec)

    down = sub.add_parser("download", help="copy remote:local file pairs out of a sandbox")
    down.add_argument("sandbox_id")
    down.add_argument("paths", nargs="+")
    down.set_defaults(run=cmd_download)

    destroy = sub.add_parser("destroy", help="terminate one sandbox")
    destroy.add_argument("sandbox_id")
    destroy.set_defaults(run=cmd_destroy)

    many = sub.add_parser("destroy-many", help="terminate the sandbox ids read from stdin")
    many.set_defaults(run=cmd_destroy_many)
    return p


def main():
    args = parser().parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
