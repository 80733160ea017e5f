#!/usr/bin/env python3
"""Per-batch overhead of the junit framework in docker containers against the same batch run locally, and the cost of
creating a container with the staged class path copied in (SPEC §7.3, §8.8).

Input: a project that `offload:run` already ran on the docker provider, so `{output_dir}/.offload/classpath/` and
`classpath.index` exist (e.g. offload-maven-plugin/target/it/docker-junit-run after its IT).
Usage: overhead.py <output_dir> [rounds=5] [image=offload-test-base:bookworm]

Each round runs, alternately, one batch locally (`java -cp <local class path> BatchRunner`) and the same batch by
`docker exec` in a container prepared like Offload's (Engine API: create, archive upload, start). Figures:
  first-test  wall time from process / exec start to the runner's first `start` event line
  wall        start to exit
  cpu         local: user+sys of the JVM (getrusage of children); docker: the container's cgroup CPU (cpuacct)
and for creation: wall of create / archive upload / start through the Engine API, and the CPU docker's daemons spent
(dockerd + containerd + shims and their reaped children such as runc, from /proc: noisy, the daemon is shared with everyone else's builds).
"""
import http.client, io, json, os, resource, socket, statistics, subprocess, sys, tarfile, time

OUT = sys.argv[1]
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 5
IMAGE = sys.argv[3] if len(sys.argv) > 3 else "offload-test-base:bookworm"
TOKEN = "bench"
IDS = ["[engine:junit-jupiter]/[class:com.acme.PassingTest]", "[engine:junit-jupiter]/[class:com.acme.NestedTest]"]
RUNNER = "dev.offload.junit.runner.BatchRunner"


class Unix(http.client.HTTPConnection):
    def __init__(self):
        super().__init__("localhost")

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect("/var/run/docker.sock")


def api(method, path, body=None, headers=None):
    c = Unix()
    if isinstance(body, dict):
        body, headers = json.dumps(body), {"Content-Type": "application/json"}
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse()
    data = r.read()
    if r.status >= 300:
        raise RuntimeError(f"{method} {path}: {r.status} {data[:200]}")
    return json.loads(data) if data and r.getheader("Content-Type", "").startswith("application/json") else data


def daemon_cpu():
    total = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            comm = open(f"/proc/{pid}/comm").read().strip()
            if comm in ("dockerd", "containerd") or comm.startswith("containerd-shim"):
                f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
                total += sum(int(x) for x in f[11:15])  # utime, stime, and reaped children's (runc)
        except OSError:
            pass
    return total / os.sysconf("SC_CLK_TCK")


def container_cpu(cid):
    with open(f"/sys/fs/cgroup/cpuacct/docker/{cid}/cpuacct.usage") as f:
        return int(f.read()) / 1e9


def staged():
    names, local = [], []
    for line in open(os.path.join(OUT, ".offload/classpath.index")):
        name, original = line.rstrip("\n").split("\t")
        names.append(name)
        local.append(original)
    return names, local


def archive(names, run_dir):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for d, mode in ((run_dir, 0o1777), (run_dir + "/classpath", 0o755)):
            info = tarfile.TarInfo(d)
            info.type, info.mode = tarfile.DIRTYPE, mode
            tar.addfile(info)
        for n in names:
            tar.add(os.path.join(OUT, ".offload/classpath", n), arcname=f"{run_dir}/classpath/{n}")
    return buf.getvalue()


def create(tar):
    t0, c0 = time.monotonic(), daemon_cpu()
    cid = api("POST", "/containers/create", {
        "Image": IMAGE, "Cmd": ["sleep", "infinity"], "WorkingDir": "/app", "Labels": {"dev.offload.bench": "1"},
        "HostConfig": {"NetworkMode": "none", "NanoCpus": 1_000_000_000}})["Id"]
    t1 = time.monotonic()
    api("PUT", f"/containers/{cid}/archive?path=/tmp", tar, {"Content-Type": "application/x-tar"})
    t2 = time.monotonic()
    api("POST", f"/containers/{cid}/start")
    t3 = time.monotonic()
    return cid, (t1 - t0, t2 - t1, t3 - t2, t3 - t0, daemon_cpu() - c0)


def timed(argv):
    """(first start event, wall) of a command whose stdout carries the runner's event lines."""
    t0 = time.monotonic()
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    first = None
    for line in p.stdout:
        if first is None and line.startswith(f"##offload:{TOKEN}##") and '"ev":"start"' in line:
            first = time.monotonic() - t0
    p.wait()
    return first, time.monotonic() - t0


def main():
    names, local = staged()
    ids = os.path.join(OUT, "bench.ids")
    open(ids, "w").write("\n".join(IDS) + "\n")
    run_dir = "offload-bench"  # below /tmp, as Offload's /tmp/offload-<run id>
    tar = archive(names, run_dir)
    cp = ":".join(f"/tmp/{run_dir}/classpath/{n}" for n in names)
    print(f"class path: {len(names)} files, {sum(os.path.getsize(p) for p in local if os.path.isfile(p)) / 2**20:.1f} MiB"
          f" local, archive {len(tar) / 2**20:.1f} MiB; image {IMAGE}; {ROUNDS} rounds")
    rows = {"local": [], "docker": [], "create": []}
    for r in range(ROUNDS + 1):  # round 0 warms up the page cache and the daemon
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        first, wall = timed(["java", "-cp", ":".join(local), RUNNER, "--result", "/tmp/offload-bench-local.xml",
                             "--event-token", TOKEN, "--ids", ids])
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        cid, creation = create(tar)
        try:
            subprocess.run(["docker", "cp", ids, f"{cid}:/tmp/{run_dir}/bench.ids"], check=True)
            c0, d0 = container_cpu(cid), daemon_cpu()
            dfirst, dwall = timed(["docker", "exec", "-w", "/app", cid, "java", "-cp", cp, RUNNER, "--result",
                                   f"/tmp/{run_dir}/batch.xml", "--event-token", TOKEN, "--ids", f"/tmp/{run_dir}/bench.ids"])
            dcpu = container_cpu(cid) - c0
            # The exec'd JVM is a child of the container's shim: once reaped, its CPU is in the shim's cutime too.
            ddaemon = daemon_cpu() - d0 - dcpu
        finally:
            api("DELETE", f"/containers/{cid}?force=true")
        if r == 0:
            continue
        rows["local"].append((first, wall, cpu))
        rows["docker"].append((dfirst, dwall, dcpu, ddaemon))
        rows["create"].append(creation)
        print(f"round {r}: local first {first:.2f}s wall {wall:.2f}s cpu {cpu:.2f}s | docker first {dfirst:.2f}s"
              f" wall {dwall:.2f}s cpu {dcpu:.2f}s (+ daemons {ddaemon:+.2f}s) | create {creation[3]:.2f}s daemon cpu {creation[4]:.2f}s")
    med = lambda rows, i: statistics.median(x[i] for x in rows)
    print("median            first-test  wall   cpu")
    for k in ("local", "docker"):
        print(f"{k:16}  {med(rows[k], 0):9.2f}s {med(rows[k], 1):5.2f}s {med(rows[k], 2):5.2f}s")
    print(f"docker exec: daemons' cpu {med(rows['docker'], 3):.2f}s (not in the container's figure)")
    print(f"docker/local cpu ratio {med(rows['docker'], 2) / med(rows['local'], 2):.2f}")
    c = rows["create"]
    print(f"create {med(c, 0):.3f}s  archive upload {med(c, 1):.3f}s  start {med(c, 2):.3f}s  total {med(c, 3):.3f}s"
          f"  daemons' cpu {med(c, 4):.2f}s")


if __name__ == "__main__":
    main()
