#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""logs.py --out DIR LOG...: a LAVA job's log of a kvm-irq run (lava-run's
log, or `lavacli jobs logs --raw ID`: one YAML mapping per line, with or
without a leading "- ") made a run directory report/html.py reads:
DIR/<LOG's name without .yaml>/results.tap, the document run_tests.sh
printed (the target's output from its "TAP version 13" or "KTAP version
1" to its summary line), and results.tsv (the lines lava/kvm-irq.sh
printed behind "KVMIRQ-ROW ").  Name each LOG after its configuration:
the directory's name is the report's.  One line on stderr and exit 2 for
a log without both; nothing is written for any LOG then."""

import os
import re
import sys

import yaml

START = re.compile(r"^(TAP version 13|KTAP version 1)$")
SUMMARY = re.compile(r"^\d+ passed, \d+ failed, \d+ skipped$")
ROW = "KVMIRQ-ROW "


def fail(msg):
    print("logs.py: %s" % msg, file=sys.stderr)
    sys.exit(2)


def entries(path):
    """The log's mappings, in order: lava-run's log, or `lavacli jobs logs
    --raw`'s ("- {...}").  ValueError for a line that is none, or a file
    that cannot be read."""
    try:
        with open(path) as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if line.startswith("- "):
                    line = line[2:]
                if not line.strip():
                    continue
                try:
                    entry = yaml.safe_load(line)
                except yaml.YAMLError:
                    raise ValueError("line %d is not a YAML mapping" % n)
                if isinstance(entry, dict):
                    yield entry
    except OSError as exc:
        raise ValueError(exc.strerror)


def target_lines(path):
    """What the device printed: the log's "target" lines."""
    try:
        return [e["msg"] for e in entries(path)
                if e.get("lvl") == "target" and isinstance(e.get("msg"), str)]
    except ValueError as exc:
        fail("%s: %s" % (path, exc))


def split(path):
    lines = target_lines(path)
    starts = [i for i, l in enumerate(lines) if START.match(l)]
    if not starts:
        fail("%s: no run_tests.sh document (no TAP version line) in its output" % path)
    doc = []
    for l in lines[starts[-1]:]:
        if l.startswith("<LAVA_SIGNAL") or l.startswith(ROW):
            continue
        doc.append(l)
        if SUMMARY.match(l):
            break
    else:
        fail("%s: run_tests.sh's document has no summary line" % path)
    rows = [l[len(ROW):] for l in lines if l.startswith(ROW)]
    if not rows:
        fail("%s: no results.tsv lines (KVMIRQ-ROW) in its output" % path)
    return doc, rows


def main(argv):
    if len(argv) < 4 or argv[1] != "--out":
        fail("usage: logs.py --out DIR LOG...")
    out, logs = argv[2], argv[3:]
    runs = {os.path.basename(l).rsplit(".yaml", 1)[0]: split(l) for l in logs}
    if len(runs) != len(logs):
        fail("two LOGs have the same name")
    for name, (doc, rows) in runs.items():
        d = os.path.join(out, name)
        os.makedirs(d, exist_ok=True)
        for fname, text in (("results.tap", doc), ("results.tsv", rows)):
            with open(os.path.join(d, fname + ".tmp"), "w") as f:
                f.write("\n".join(text) + "\n")
            os.replace(os.path.join(d, fname + ".tmp"), os.path.join(d, fname))
        print(d)


if __name__ == "__main__":
    main(sys.argv)
