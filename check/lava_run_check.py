#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""lava_run_check.py LOG: what a LAVA dispatcher recorded of a kvm-irq job
(LOG: lava-run's log, one YAML mapping per line) against run_tests.sh's own
summary of the same run, read from the job's console output (the log's
"target" lines: run_tests.sh's document, which lava/kvm-irq.sh prints).

Held, each a line on stdout and a difference a line "lava-check: ...":
- every test the document reports (its nested "ok"/"not ok" lines, as
  run_tests.sh judged them) is a test case LAVA recorded, named after its
  binary and itself (kvm-irq_<binary>_<test>), with the same verdict: ok
  pass, XFAIL pass, SKIP skip, TODO unknown (unpinned), not ok fail;
- every binary: its test cases' verdicts, counted, equal its share of the
  document's tally (pass+xfail, skip, unexpected, unpinned: rows of the
  binary's own, a binary killed or dead, count there too), and its own case
  kvm-irq_<binary> is pass exactly when the document says "ok";
- the run: the test cases counted equal the summary line ("P passed, F
  failed, S skipped") and the unpinned count; kvm-irq_run_tests is pass
  exactly when the summary says 0 failed; LAVA's own job result is pass.
Exit 0 when all hold, 1 when any differs, 2 for a log that cannot be
read."""

import os
import re
import sys

# lava/logs.py reads a LAVA log, lavacli's form of it too.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lava"))
import logs  # noqa: E402

NESTED = re.compile(r"^# (not )?ok \d+ (\S+)(?: # (SKIP|XFAIL|TODO)\b.*)?$")
BINARY = re.compile(r"^(not )?ok \d+ selftests: kvm-irq: (\S+)$")
TALLY = re.compile(r"^# tally: pass=(\d+) xfail=(\d+) skip=(\d+) unexpected=(\d+) unpinned=(\d+) \((\S+) took")
SUMMARY = re.compile(r"^(\d+) passed, (\d+) failed, (\d+) skipped$")
UNPINNED = re.compile(r"^# kvm-irq: (\d+) unpinned behaviours")
VERDICTS = ("pass", "skip", "fail", "unknown")


def slug(s):
    return re.sub(r"[^A-Za-z0-9_-]+", "_", s).strip("_")


def read_log(path):
    """The device's output, LAVA's cases of kvm-irq's definition, its job result."""
    target, cases, job = [], [], None
    for entry in logs.entries(path):
        msg = entry.get("msg")
        if entry.get("lvl") == "target" and isinstance(msg, str):
            target.append(msg)
        elif entry.get("lvl") == "results" and isinstance(msg, dict):
            if msg.get("definition") == "0_kvm-irq":
                cases.append((msg.get("case"), msg.get("result")))
            elif msg.get("definition") == "lava" and msg.get("case") == "job":
                job = msg.get("result")
    return target, cases, job


def read_document(target):
    """Per binary, in order: its nested verdicts and its tally share; the summary."""
    bins, nested, prev, summary, unpinned = [], [], (0, 0, 0, 0, 0), None, None
    for line in target:
        m = NESTED.match(line)
        if m:
            v = "fail" if m.group(1) else {"SKIP": "skip", "XFAIL": "pass", "TODO": "unknown"}.get(m.group(3), "pass")
            nested.append((m.group(2), v))
            continue
        m = TALLY.match(line)
        if m:
            t = tuple(int(x) for x in m.groups()[:5])
            d = [a - b for a, b in zip(t, prev)]
            prev = t
            share = {"pass": d[0] + d[1], "skip": d[2], "fail": d[3], "unknown": d[4]}
            bins.append({"name": m.group(6), "nested": nested, "share": share})
            nested = []
            continue
        m = BINARY.match(line)
        if m and bins and bins[-1]["name"] == m.group(2):
            bins[-1]["ok"] = not m.group(1)
            continue
        m = SUMMARY.match(line)
        if m:
            summary = tuple(int(x) for x in m.groups())
        m = UNPINNED.match(line)
        if m:
            unpinned = int(m.group(1))
    return bins, summary, unpinned


def count(cases):
    c = dict.fromkeys(VERDICTS, 0)
    for _, r in cases:
        c[r] = c.get(r, 0) + 1
    return c


def main(argv):
    if len(argv) != 2:
        print("usage: lava_run_check.py LOG", file=sys.stderr)
        return 2
    try:
        target, cases, job = read_log(argv[1])
    except ValueError as exc:
        print("lava_run_check.py: %s: %s" % (argv[1], exc), file=sys.stderr)
        return 2
    bins, summary, unpinned = read_document(target)
    diffs = []
    if not bins or summary is None:
        diffs.append("no run_tests.sh document with a summary in the job's output")
    recorded = dict(cases)
    if len(recorded) != len(cases):
        diffs.append("LAVA recorded a test case twice")
    # The binaries' cases, in the order recorded: each ends at its own.
    run_case = [r for c, r in cases if c == "kvm-irq_run_tests"]
    per_bin, rest = {}, [(c, r) for c, r in cases if c != "kvm-irq_run_tests"]
    for b in bins:
        own = "kvm-irq_" + slug(b["name"])
        ids = [c for c, _ in rest]
        if own not in ids:
            diffs.append("%s: no test case %s" % (b["name"], own))
            continue
        i = ids.index(own)
        per_bin[b["name"]], rest = rest[:i], rest[i + 1:]
        want = "pass" if b.get("ok") else "fail"
        if recorded[own] != want:
            diffs.append("%s: LAVA recorded %s, the document says %s" % (own, recorded[own], want))
    for c, r in rest:
        diffs.append("%s (%s): a test case of no binary the document reports" % (c, r))
    tests = 0
    for b in bins:
        mine = per_bin.get(b["name"])
        if mine is None:
            continue
        tests += len(mine)
        for name, v in b["nested"]:
            case = "kvm-irq_%s_%s" % (slug(b["name"]), slug(name))
            got = dict(mine).get(case)
            if got is None:
                diffs.append("%s: %s not recorded (the document: %s)" % (b["name"], case, v))
            elif got != v:
                diffs.append("%s: LAVA recorded %s, the document says %s" % (case, got, v))
        # Cases of no nested test: only the binary's own rows (killed, an
        # exit status, the kernel's log), as many as the tally has.
        named = {"kvm-irq_%s_%s" % (slug(b["name"]), slug(n)) for n, _ in b["nested"]}
        extra = [(c, r) for c, r in mine if c not in named]
        if len(extra) != sum(b["share"].values()) - len(b["nested"]):
            for c, r in extra:
                diffs.append("%s: %s (%s) is no test the document reports" % (b["name"], c, r))
        got = count(mine)
        if any(got[v] != b["share"][v] for v in VERDICTS):
            diffs.append("%s: LAVA's cases %s, the document's tally %s" % (b["name"], got, b["share"]))
    allc = count([cr for b in per_bin.values() for cr in b])
    if summary and (allc["pass"], allc["fail"], allc["skip"]) != summary:
        diffs.append("LAVA's cases: %d passed, %d failed, %d skipped; the summary: %d passed, %d failed, %d skipped"
                     % ((allc["pass"], allc["fail"], allc["skip"]) + summary))
    if unpinned is not None and allc["unknown"] != unpinned:
        diffs.append("LAVA's unknown cases: %d; the document's unpinned: %d" % (allc["unknown"], unpinned))
    want = "pass" if summary and summary[1] == 0 else "fail"
    if run_case != [want]:
        diffs.append("kvm-irq_run_tests: LAVA recorded %s, the summary says %s" % (run_case or "nothing", want))
    if job != "pass":
        diffs.append("LAVA's job result: %s" % job)
    for d in diffs:
        print("lava-check: %s" % d)
    if diffs:
        return 1
    print("lava-check: LAVA recorded %d test cases of %d binaries and the run's verdict (%s), as run_tests.sh's summary says: %s"
          % (tests, len(bins), run_case[0], "%d passed, %d failed, %d skipped" % summary))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
