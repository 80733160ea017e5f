"""Summarises bench/run.sh's results.tsv: a Markdown table and an SVG chart, optionally written into the docs.

Usage: report.py RESULTS_TSV CORES MODE [BENCHMARKS_MD BENCHMARKS_SVG]
"""

import datetime
import pathlib
import statistics
import sys

START = "<!-- bench:run.sh:start -->"
END = "<!-- bench:run.sh:end -->"
LABELS = {
    "light": "light: 3,000 trivial tests, 2 slots vs `-n 2`",
    "longtail": "long tail: 400 sleeping tests, durations known, 8 slots vs `-n 8`",
    "heavy": "heavy: 120 tests sleeping 2.5 s, 32 slots vs `-n 32`",
    "real": "real project: attrs, 1,412 tests, 2 slots vs `-n 2`",
}


def read(path):
    rows = []
    for line in pathlib.Path(path).read_text().splitlines():
        suite, side, rnd, wall, cpu, load, status = line.split("\t")
        if int(rnd) > 0:  # round 0 is the warm-up
            rows.append(dict(suite=suite, side=side, round=int(rnd), wall=float(wall), cpu=float(cpu),
                             load=float(load), status=int(status)))
    return rows


def summarise(rows):
    out = []
    for suite in dict.fromkeys(r["suite"] for r in rows):
        mine = [r for r in rows if r["suite"] == suite]
        by = {side: {r["round"]: r for r in mine if r["side"] == side} for side in ("xdist", "offload")}
        rounds = sorted(set(by["xdist"]) & set(by["offload"]))
        ratios = [by["offload"][n]["wall"] / by["xdist"][n]["wall"] for n in rounds]
        cpu_ratios = [by["offload"][n]["cpu"] / max(by["xdist"][n]["cpu"], 0.01) for n in rounds]
        loads = [r["load"] for r in mine]
        out.append(dict(
            suite=suite,
            xdist_wall=statistics.median(r["wall"] for r in by["xdist"].values()),
            offload_wall=statistics.median(r["wall"] for r in by["offload"].values()),
            xdist_cpu=statistics.median(r["cpu"] for r in by["xdist"].values()),
            offload_cpu=statistics.median(r["cpu"] for r in by["offload"].values()),
            ratios=ratios,
            ratio=statistics.median(ratios),
            cpu_ratio=statistics.median(cpu_ratios),
            load=(min(loads), max(loads)),
        ))
    return out


def table(summary, cores, mode):
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    loads = [s["load"][0] for s in summary] + [s["load"][1] for s in summary]
    lines = [
        f"`bench/run.sh {mode}`, {when}, **{cores} cores**, 1-minute load average {min(loads):.1f}-{max(loads):.1f} "
        f"during the run. Offload runs through `scripts/offload` (local provider); each round runs both sides of "
        f"every row back to back, alternating which goes first. Ratios are Offload / xdist within a round; the "
        f"figure that counts is their median. CPU is user + system time of the whole process tree "
        f"(`/usr/bin/time`).",
        "",
        "| suite | xdist wall | Offload wall | Offload / xdist per round | **median ratio** | xdist CPU | Offload CPU "
        "| CPU ratio | load |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for s in summary:
        per_round = ", ".join(f"{r:.2f}" for r in s["ratios"])
        met = "" if s["ratio"] <= 1.0 else " (over 1.0)"
        lines.append(
            f"| {LABELS.get(s['suite'], s['suite'])} | {s['xdist_wall']:.2f} s | {s['offload_wall']:.2f} s "
            f"| {per_round} | **{s['ratio']:.2f}**{met} | {s['xdist_cpu']:.2f} s | {s['offload_cpu']:.2f} s "
            f"| {s['cpu_ratio']:.2f} | {s['load'][0]:.1f}-{s['load'][1]:.1f} |")
    lines += ["", "![Offload / xdist wall-time ratio per row](benchmarks.svg)"]
    return "\n".join(lines)


def svg(summary):
    width, row, left, scale_max = 640, 44, 230, max([2.0] + [max(s["ratios"]) * 1.05 for s in summary])
    height = 40 + row * len(summary) + 30
    plot = width - left - 20

    def x(v):
        return left + plot * v / scale_max

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'font-family="sans-serif" font-size="12">',
             f'<text x="{left}" y="18" font-weight="bold">Offload / pytest-xdist wall time (median; dots: rounds)</text>']
    for i, s in enumerate(summary):
        y = 34 + i * row
        colour = "#2e7d32" if s["ratio"] <= 1.0 else "#c62828"
        parts.append(f'<text x="{left - 8}" y="{y + 17}" text-anchor="end">{s["suite"]}</text>')
        parts.append(f'<rect x="{left}" y="{y + 4}" width="{x(s["ratio"]) - left:.1f}" height="20" fill="{colour}" '
                     f'opacity="0.8"><title>{s["suite"]}: {s["ratio"]:.2f}</title></rect>')
        parts.append(f'<text x="{x(s["ratio"]) + 4:.1f}" y="{y + 18}">{s["ratio"]:.2f}</text>')
        for r in s["ratios"]:
            parts.append(f'<circle cx="{x(r):.1f}" cy="{y + 30}" r="3" fill="#333"/>')
    axis_y = 34 + row * len(summary) + 4
    one = x(1.0)
    parts.append(f'<line x1="{one:.1f}" y1="28" x2="{one:.1f}" y2="{axis_y}" stroke="#000" stroke-dasharray="4 3"/>')
    parts.append(f'<line x1="{left}" y1="{axis_y}" x2="{left + plot}" y2="{axis_y}" stroke="#000"/>')
    tick = 0.0
    while tick <= scale_max + 1e-9:
        parts.append(f'<text x="{x(tick):.1f}" y="{axis_y + 16}" text-anchor="middle">{tick:.1f}</text>')
        tick += 0.5
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main():
    rows = read(sys.argv[1])
    cores, mode = sys.argv[2], sys.argv[3]
    summary = summarise(rows)
    text = table(summary, cores, mode)
    print(text)
    if len(sys.argv) > 5:
        md, chart = pathlib.Path(sys.argv[4]), pathlib.Path(sys.argv[5])
        chart.write_text(svg(summary))
        doc = md.read_text()
        if START in doc and END in doc:
            doc = doc[: doc.index(START) + len(START)] + "\n" + text + "\n" + doc[doc.index(END):]
        else:
            doc += f"\n## Side by side: `bench/run.sh`\n\n{START}\n{text}\n{END}\n"
        md.write_text(doc)
        print(f"[bench] wrote {md} and {chart}", file=sys.stderr)


if __name__ == "__main__":
    main()
