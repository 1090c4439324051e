#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""html.py --out FILE.html [--title T] RUNDIR...: a self-contained HTML
page (no network: inline CSS and SVG, no script) of one run or, given
several RUNDIRs, of a matrix of host configurations.

A RUNDIR is what run-host.sh leaves for one host configuration (its
name is the directory's basename): results.tap, the document run_tests.sh
printed (either format), and results.tsv, its --results summary.  A
RUNDIR holding a file `unavailable` (one line: why) is a configuration
that cannot exist on this machine; it is shown greyed, never as passed.

The page, top to bottom: what the suite checks and each host's verdict;
a legend; per rule of lib/assertions.txt its verdict, values checked and
mismatches; the deviations from the documented ABI each kernel is known
for (the pinned deviation and its reason, from the document's xfail
notes); a map of the irq_abi sweep per VM configuration and band of
irq_number (its "# band:" lines); the device_irq_level timeline of one
userspace irqchip run (its "# timeline:" lines).

Exit status 0, or 2 with a one-line error and no output file for bad
input.  Python's standard library only, besides report/tapdoc.py."""

import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tapdoc  # noqa: E402

PROG = "html.py"
TSV_FORMAT = re.compile(r"^# kvm-irq results\.tsv (\S+): ")
CATALOG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib", "assertions.txt")

SUMMARY = re.compile(r"^(\d+) passed, (\d+) failed, (\d+) skipped$")
KERNEL = re.compile(r"^# kvm-irq: kernel (\S+), GIC (\d+), KVM mode (\S+)")
XFAIL = re.compile(r"^# xfail: (\S+) = (\S*): (.*) \((\S+:\d+)\)$")
UNEXPECTED = re.compile(r"^# unexpected: (\S+): (.*)$")
UNPINNED = re.compile(r"^# unpinned: (\S+) = (.*)$")
SKIPNOTE = re.compile(r"^# skip: (\S+): (.*)$")
ASSERT = re.compile(r"^# assert: ([A-Z]\d\d) \S+ tried=(\d+) mismatches=(\d+) unspecified=(\d+)")
BAND = re.compile(r"^# band: (?:index=(\d+) )?type=(\S+) number=(\d+)-(\d+) class=(\S+) accepted=(\d+) "
                  r"rejected=(\d+) mismatched=(\d+) unspecified=(\d+)(?: label=(.+))?$")
TIMELINE = re.compile(r"^# timeline: return=(\d+) exit=(\S+) device_irq_level=0x([0-9a-f]+) irq_line=([01])$")
RESULT = re.compile(r"^(not )?ok \d+ ")
# tests/sequences: what each model explored, what never fired, the first
# mismatch and its reproducer (the last "# replay:" line is the shrunk one).
SEQ_EXPLORED = re.compile(r"^# sequences: model=(\S+) vms=(\S+) seed=(\d+) sequences=(\d+) "
                          r"operations=(\d+) states=(\d+)\+? default=(\d+) models=(\S+)$")
SEQ_UNFIRED = re.compile(r"^# sequences: model=(\S+) vms=(\S+) never fired: (.*)$")
SEQ_MISMATCH = re.compile(r"^# sequences: (model=\S+ seed=\d+ vcpus=\d+: mismatch at .*)$")
REPLAY = re.compile(r"^# replay: \S+ --replay '(.*)'$")

# The bands of lib/oracle.c's abi_irq_band, as the "# band:" lines of
# the runs read name them (index, label: abi_band_info's, the one table):
# [((type, class), label)] in its order.
BANDS = []
BAND_INDEX = {}


def learn_band(index, key, label):
    """A band a run printed; a line without its index (an older document)
    comes after the others, labelled by its type and class."""
    if key in BAND_INDEX:
        return
    BAND_INDEX[key] = int(index) if index is not None else 1000 + len(BAND_INDEX)
    BANDS.append((key, label or "%s %s" % key))
    BANDS.sort(key=lambda b: BAND_INDEX[b[0]])


# Heatmap cell states: (fill, label, legend text).  Okabe-Ito colours,
# which stay apart under the common colour-vision deficiencies; every
# state has its own label too, and the deviations a hatch.
CELL = {
    "accepted": ("#0072B2", "acc", "accepted, as documented"),
    "rejected": ("#56B4E9", "rej", "rejected, as documented"),
    "mixed": (None, "a+r", "both, as documented"),
    "unspecified": ("#CCCCCC", "uns", "not specified: not judged"),
    "pinned": ("#E69F00", "PIN", "deviates, as pinned in expected/"),
    "deviating": ("#D55E00", "DEV", "deviates, not pinned: a failure"),
    "untried": ("#FFFFFF", "\u2013", "none tried (or none exist on this VM)"),
    "skipped": ("#EEEEEE", "skip", "the host cannot create this VM"),
}

# Rule verdicts: (css class, label, legend text).
VERDICT = {
    "conforms": ("v-ok", "conforms", "every value checked matched the documents"),
    "recorded": ("v-rec", "recorded", "a behaviour the documents leave open; it is as pinned for this kernel"),
    "pinned": ("v-pin", "deviates (pinned)", "mismatches, all of them known deviations of this kernel (expected/)"),
    "unpinned": ("v-unp", "unpinned", "a behaviour no expected/ file pins for this kernel: not counted as passed"),
    "unexpected": ("v-bad", "UNEXPECTED", "a result expected/ does not allow: a failure"),
    "unchecked": ("v-none", "not checked", "no test of this run checked the rule"),
    "unavailable": ("v-na", "unavailable", "this configuration cannot exist on this machine"),
}


class BadInput(Exception):
    pass


def die(msg):
    print("%s: %s" % (PROG, msg), file=sys.stderr)
    sys.exit(2)


def esc(s):
    """HTML-escaped (the stdlib's html module is shadowed by this file's name)."""
    return (str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#x27;"))


def read_lines(path):
    with open(path, errors="backslashreplace") as f:
        return f.read().splitlines()


def read_catalog(path):
    """[(id, rule, kind, statement)] from lib/assertions.txt, as the one
    catalog reader, runner/awk/catalog.awk, reads it (catalog_tsv.awk)."""
    awk = os.path.join(os.path.dirname(os.path.abspath(path)), "..", "runner", "awk")
    if not os.path.isfile(path):
        raise BadInput("catalog %s: no such file" % path)
    try:
        p = subprocess.run(["awk", "-v", "catalog=" + path, "-f", os.path.join(awk, "catalog.awk"),
                            "-f", os.path.join(awk, "catalog_tsv.awk")],
                           capture_output=True, text=True, errors="backslashreplace")
    except OSError as e:
        raise BadInput("catalog %s: awk: %s" % (path, e.strerror))
    if p.returncode != 0:
        raise BadInput((p.stderr.strip().splitlines() or ["catalog %s: unreadable" % path])[0])
    return [tuple(f[i] for i in (0, 1, 2, 5)) for f in (line.split("\t") for line in p.stdout.splitlines())]


class Run:
    """One host configuration's run, as its RUNDIR holds it."""

    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(os.path.normpath(path))
        self.unavailable = None
        self.kernel = self.gic = self.mode = None
        self.summary = None             # (passed, failed, skipped) of the last line
        self.counted = [0, 0, 0]        # the same, counted here from the results
        self.tests = {}                 # name -> (outcome, behaviour, counts as)
        self.order = []
        self.asserts = {}               # test -> [(rule, tried, mismatches, unspecified)]
        self.bands = {}                 # test -> {(type, class): [a, r, m, u, first, last]}
        self.timeline = []              # [(return, exit, level, line)]
        self.timeline_test = None
        self.explored = []              # (test, model, vms, seed, sequences, ops, states, default, models)
        self.unfired = {}               # (test, model, vms) -> names
        self.mismatches = {}            # test -> [what]
        self.reproducers = {}           # test -> the last reproducer line
        self.xfails = []                # (test, deviation, reason, where)
        self.unexpected = []            # (test, what)
        self.unpinned = []              # (test, value)
        self.skips = {}                 # test -> reason
        if not os.path.isdir(path):
            raise BadInput("%s: no such directory" % path)
        na = os.path.join(path, "unavailable")
        if os.path.exists(na):
            text = read_lines(na)
            self.unavailable = (text[0].strip() if text else "") or "unavailable"
            return
        tap = os.path.join(path, "results.tap")
        tsv = os.path.join(path, "results.tsv")
        if not os.path.isfile(tap):
            raise BadInput("%s: no results.tap" % path)
        if not os.path.isfile(tsv):
            raise BadInput("%s: no results.tsv" % path)
        self.read_tsv(read_lines(tsv))
        self.read_document(read_lines(tap))

    def read_tsv(self, lines):
        m = TSV_FORMAT.match(lines[0]) if lines else None
        if lines and lines[0].startswith("#") and (not m or m.group(1) != "1"):
            raise BadInput("%s/results.tsv: format %r, not version 1 of run_tests.sh's" % (self.path, lines[0][:60]))
        for line in lines:
            f = line.split("\t")
            if len(f) != 4 or f[1] in ("took", "tried", "not-tried") or f[0].startswith("condition:"):
                continue
            if f[0] not in self.tests:
                self.order.append(f[0])
            self.tests[f[0]] = (f[1], f[2], f[3])

    def read_document(self, lines):
        if not lines or not any(RESULT.match(l) for l in lines):
            raise BadInput("%s/results.tap: no TAP results" % self.path)
        m = SUMMARY.match(lines[-1])
        if m:
            self.summary = tuple(int(x) for x in m.groups())
        for line in lines:
            self.read_note(line)
        blocks = tapdoc.binaries(lines)
        for binary, child, closed in blocks:
            self.read_binary(child)
            for name, state, _ in tapdoc.results(child):
                self.counted[("pass", "fail", "skip").index(state)] += 1
            # A binary the host never finished fails once, as run-host.sh
            # counts it; so does one it never started.
            self.counted[1] += closed is None
        started = {b for b, _, _ in blocks}
        for line in lines:
            m = tapdoc.TOP_RESULT.match(line)
            if m and m.group(1) and m.group(2) not in started:
                self.counted[1] += 1

    def read_note(self, line):
        m = KERNEL.match(line)
        if m:
            self.kernel, self.gic, self.mode = m.groups()
            return
        for note, kept in ((XFAIL, self.xfails), (UNEXPECTED, self.unexpected),
                           (UNPINNED, self.unpinned)):
            m = note.match(line)
            if m:
                kept.append(m.groups())
                return
        m = SKIPNOTE.match(line)
        if m:
            self.skips[m.group(1)] = m.group(2)

    def read_binary(self, child):
        """Each test's assert, band and timeline lines: those between its
        RUN line and its result."""
        test = None
        for line in child:
            m = tapdoc.RUN.match(line)
            if m:
                test = m.group(1)
                continue
            if RESULT.match(line):
                test = None
                continue
            if test is None:
                continue
            m = ASSERT.match(line)
            if m:
                self.asserts.setdefault(test, []).append(
                    (m.group(1),) + tuple(int(x) for x in m.groups()[1:]))
                continue
            m = BAND.match(line)
            if m:
                index, g, label = m.group(1), m.groups()[1:9], m.group(10)
                key = ("other" if g[0] not in ("CPU", "SPI", "PPI") else g[0], g[3])
                learn_band(index, key, label)
                self.bands.setdefault(test, {})[key] = [int(x) for x in g[4:]] + [int(g[1]), int(g[2])]
                continue
            if self.read_sequences(test, line):
                continue
            m = TIMELINE.match(line)
            if m and (self.timeline_test in (None, test)):
                self.timeline_test = test
                self.timeline.append((int(m.group(1)), m.group(2), int(m.group(3), 16), int(m.group(4))))

    def read_sequences(self, test, line):
        m = SEQ_EXPLORED.match(line)
        if m:
            self.explored.append((test,) + m.groups())
            return True
        m = SEQ_UNFIRED.match(line)
        if m:
            self.unfired[(test, m.group(1), m.group(2))] = m.group(3)
            return True
        m = SEQ_MISMATCH.match(line)
        if m:
            self.mismatches.setdefault(test, []).append(m.group(1))
            return True
        m = REPLAY.match(line)
        if m:
            self.reproducers[test] = m.group(1)
            return True
        return False

    def counts_as(self, test):
        return self.tests.get(test, ("-", "-", "-"))[2]

    def tally(self):
        """How results.tsv counts the results: {pass, xfail, skip, ...}."""
        n = {}
        for t in self.order:
            n[self.tests[t][2]] = n.get(self.tests[t][2], 0) + 1
        return n

    def nr_unexpected(self):
        return self.tally().get("unexpected", 0)

    def label(self):
        if self.unavailable:
            return self.name
        return "%s (Linux %s, GICv%s, %s)" % (self.name, self.kernel or "?", self.gic or "?", self.mode or "?")


# ---------------------------------------------------------------- verdicts

def rule_results(run, rules):
    """Per rule id: (verdict, tried, mismatches, tests that mismatched)."""
    per = {r[0]: [0, 0, set(), set()] for r in rules}   # tried, mism, outcomes, bad tests
    for test, lines in run.asserts.items():
        as_ = run.counts_as(test)
        any_mism = any(m for _, _, m, _ in lines)
        for rule, tried, mism, _ in lines:
            p = per.setdefault(rule, [0, 0, set(), set()])
            p[0] += tried
            p[1] += mism
            # An unexpected test is this rule's if the rule mismatched in
            # it, or if nothing did (it crashed, or a pinned xfail passed).
            if as_ == "unexpected" and (mism or not any_mism):
                p[2].add("unexpected")
            elif mism:
                p[2].add(as_)
                p[3].add(test)
            elif as_ == "unpinned":
                p[2].add("unpinned")
    out = {}
    kinds = {r[0]: r[2] for r in rules}
    for rule, (tried, mism, outcomes, bad) in per.items():
        if not tried and not outcomes:
            v = "unchecked"
        elif "unexpected" in outcomes or (mism and outcomes - {"xfail"}):
            v = "unexpected"
        elif mism:
            v = "pinned"
        elif "unpinned" in outcomes:
            v = "unpinned"
        elif kinds.get(rule) == "behaviour":
            v = "recorded"
        else:
            v = "conforms"
        out[rule] = (v, tried, mism, sorted(bad))
    return out


def configs_of(runs):
    """The VM configurations the band map has columns for, in order:
    fixture.variant of every test that printed band lines on some run,
    and of the tests of the same fixture and name that skipped."""
    banded = set()
    for run in runs:
        for test in run.bands:
            fixture, _, name = split_test(test)
            banded.add((fixture, name))
    out = []
    for run in runs:
        for test in run.order:
            fixture, variant, name = split_test(test)
            cfg = fixture + "." + variant
            if (fixture, name) in banded and cfg not in out:
                out.append(cfg)
    return out


def split_test(test):
    parts = test.split(".")
    if len(parts) < 3:
        return test, "", ""
    return parts[0], ".".join(parts[1:-1]), parts[-1]


def config_cells(run, cfg):
    """(column state, {band key: (state, counts, tip)}) of cfg on run."""
    tests = [t for t in run.order if t.startswith(cfg + ".")]
    if not tests:
        return "not-run", {}
    if all(run.tests[t][2] == "skip" for t in tests):
        return "skipped", {}
    cells = {}
    for key, _ in BANDS:
        a = r = m = u = 0
        rng = None
        pinned_only = True
        for t in tests:
            c = run.bands.get(t, {}).get(key)
            if not c:
                continue
            a, r, m, u = a + c[0], r + c[1], m + c[2], u + c[3]
            rng = (c[4], c[5])
            if c[2] and run.tests[t][2] != "xfail":
                pinned_only = False
        if m:
            state = "pinned" if pinned_only else "deviating"
        elif a and r:
            state = "mixed"
        elif a:
            state = "accepted"
        elif r:
            state = "rejected"
        elif u:
            state = "unspecified"
        else:
            state = "untried"
        cells[key] = (state, (a, r, m, u), rng)
    return "ran", cells


# ---------------------------------------------------------------- HTML

CSS = """
body { font: 15px/1.45 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #111;
       margin: 20px 28px; max-width: 1320px; }
h1 { font-size: 24px; margin: 0 0 6px; }
h2 { font-size: 19px; margin: 22px 0 6px; border-bottom: 2px solid #333; padding-bottom: 3px; }
h3 { font-size: 16px; margin: 18px 0 6px; }
p.lead { font-size: 16px; margin: 4px 0 12px; max-width: 1100px; }
p.note { color: #333; max-width: 1150px; margin: 6px 0; }
table { border-collapse: collapse; margin: 6px 0 10px; }
th, td { border: 1px solid #999; padding: 4px 7px; vertical-align: top; text-align: left; }
th { background: #e8e8e8; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.id, td.mono, code { font-family: "DejaVu Sans Mono", monospace; font-size: 13px; }
td.stmt { font-size: 12px; line-height: 1.25; }
table.rules { width: 100%; }
table.rules td { padding: 1px 5px; font-size: 13px; }
table.rules td:not(.stmt), table.rules th.fit { width: 1%; white-space: nowrap; }
table.rules td.id, table.rules td.mono, table.rules td.kind { font-size: 12px; white-space: nowrap; }
table.rules .badge { font-size: 12px; padding: 0 5px; }
table.matrix th.vert { vertical-align: bottom; padding: 2px 1px; width: 34px; }
table.matrix th.vert span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap;
  font-size: 11.5px; }
table.matrix td.cell { text-align: center; padding: 2px 1px; }
table.matrix .badge.mini { font-size: 10.5px; padding: 0 2px; min-width: 24px; text-align: center; }
table.matrix td.stmt { font-size: 11.5px; }
.badge { display: inline-block; padding: 1px 7px; border-radius: 3px; border: 1px solid #333;
         font-weight: bold; font-size: 13px; white-space: nowrap; }
.v-ok { background: #cdeee2; color: #00563b; border-color: #009E73; }
.v-rec { background: #d9ecf8; color: #07406b; border-color: #56B4E9; }
.v-pin { background: #fbe3b0; color: #5c3d00; border-color: #E69F00;
         background-image: repeating-linear-gradient(45deg, transparent 0 5px, rgba(0,0,0,.08) 5px 7px); }
.v-unp { background: #f3d6e6; color: #6b1d47; border-color: #CC79A7; }
.v-bad { background: #D55E00; color: #fff; border-color: #7a3600; }
.v-none { background: #f4f4f4; color: #555; border-color: #aaa; font-weight: normal; }
.v-na { background: #e4e4e4; color: #666; border-color: #aaa; font-weight: normal; font-style: italic; }
tr.na td { color: #777; background: #f0f0f0; }
table.hosts td:first-child { white-space: nowrap; }
.hostverdict { font-size: 16px; }
.small { font-size: 12px; color: #444; }
dl.legend { display: flex; flex-wrap: wrap; gap: 6px 22px; margin: 6px 0; max-width: 1300px; }
dl.legend div { display: flex; align-items: center; gap: 7px; }
dl.legend dt { margin: 0; }
dl.legend dd { margin: 0; font-size: 13.5px; }
details summary { cursor: pointer; color: #07406b; }
.devtext { font-family: "DejaVu Sans Mono", monospace; font-size: 11.5px; word-break: break-all; width: 360px; }
table.devs td { font-size: 12.5px; line-height: 1.3; padding: 2px 6px; }
table.devs td.mono { font-size: 11.5px; }
svg text { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
"""


def badge(verdict, extra=""):
    cls, label, _ = VERDICT[verdict]
    return '<span class="badge %s" data-verdict="%s">%s</span>%s' % (cls, verdict, esc(label), extra)


# A matrix cell's verdict, short enough for a column per configuration.
MINI = {"conforms": "ok", "recorded": "rec", "pinned": "dev", "unpinned": "unp",
        "unexpected": "FAIL", "unchecked": "\u2013", "unavailable": "n/a"}


def mini_badge(verdict):
    return '<span class="badge mini %s" data-verdict="%s">%s</span>' % (
        VERDICT[verdict][0], verdict, MINI[verdict])


def host_verdict(run):
    if run.unavailable:
        return badge("unavailable"), "unavailable"
    n = run.nr_unexpected()
    if n:
        return '<span class="badge v-bad">%d unexpected</span>' % n, "unexpected"
    if run.summary is None:
        return '<span class="badge v-bad">incomplete document</span>', "unexpected"
    return '<span class="badge v-ok">matches expected</span>', "matches"


def section_header(runs, title):
    out = ['<h1>%s</h1>' % esc(title)]
    out.append('<p class="lead">This suite checks, rule by rule, whether a Linux kernel\'s KVM on arm64 '
               'does what its documentation says when a virtual machine monitor injects interrupts '
               'from userspace (the <code>KVM_IRQ_LINE</code> ioctl and <code>KVM_CAP_ARM_USER_IRQ</code>), '
               'and compares every result with what <code>expected/</code> records for that kernel: '
               'a host <b>matches expected</b> when every test passed, skipped for lack of a feature the '
               'host really lacks, or failed exactly as a known, pinned deviation of that kernel.</p>')
    out.append('<table class="hosts"><tr><th>host configuration</th><th>kernel</th><th>GIC</th>'
               '<th>KVM mode</th><th>verdict</th><th>passed</th><th>of which pinned deviations (xfail)</th>'
               '<th>failed</th><th>skipped</th><th>unpinned</th></tr>')
    for run in runs:
        v, word = host_verdict(run)
        if run.unavailable:
            out.append('<tr class="na" data-host="%s" data-verdict="unavailable"><td>%s</td>'
                       '<td colspan="3">%s</td><td>%s</td><td colspan="5">not run</td></tr>'
                       % (esc(run.name), esc(run.name), esc(run.unavailable), v))
            continue
        t = run.tally()
        p, f, s = run.counted
        out.append('<tr data-host="%s" data-verdict="%s" data-passed="%d" data-failed="%d" data-skipped="%d">'
                   '<td><b>%s</b></td><td>%s</td><td>v%s</td><td>%s</td><td class="hostverdict">%s</td>'
                   '<td class="num">%d</td><td class="num">%d</td><td class="num">%d</td><td class="num">%d</td>'
                   '<td class="num">%d</td></tr>'
                   % (esc(run.name), word, p, f, s, esc(run.name), esc(run.kernel or "?"), esc(run.gic or "?"),
                      esc(run.mode or "?"), v, p, t.get("xfail", 0), f, s, t.get("unpinned", 0)))
    out.append('</table>')
    out.append('<p class="note small">Counts are those of the run\'s TAP results (an expected failure, '
               '<code>ok ... # XFAIL</code>, is counted as passed); the run\'s own last line says the same.</p>')
    return "\n".join(out)


def section_legend(runs):
    out = ['<h2>How to read this page</h2>', '<dl class="legend">']
    for v in ("conforms", "recorded", "pinned", "unpinned", "unexpected", "unchecked", "unavailable"):
        mini = " (%s in the grid)" % mini_badge(v) if len(runs) > 1 else ""
        out.append('<div><dt>%s%s</dt><dd>%s</dd></div>' % (badge(v), mini, esc(VERDICT[v][2])))
    out.append('</dl>')
    out.append('<p class="note">Rule kinds: <b>documented</b>, the text decides; <b>kernel-defined</b>, the '
               'text leaves a choice (an errno) the kernel made long ago and userspace relies on; '
               '<b>architecture</b>, what a guest sees through the vgic, as the GIC architecture specification '
               '(IHI 0048B, IHI 0069) says it, checked by the explored sequences against a model; '
               '<b>behaviour</b>, the text is silent and the suite records what each kernel does; '
               '<b>host</b>, the kernel agrees with what the run was told of its host; '
               '<b>client</b>, a real VMM (QEMU) runs a Linux guest on the kernel and the guest sees its interrupts. '
               '<i>Values checked</i> counts the interrupt fields or events compared with the documents; '
               '<i>mismatches</i> those that differed.</p>')
    return "\n".join(out)


def section_unexpected(runs):
    rows = []
    for run in runs:
        for test, what in run.unexpected:
            rows.append('<tr><td>%s</td><td class="mono">%s</td><td>%s</td></tr>' % (esc(run.name), esc(test), esc(what)))
        for test in run.order:
            if run.tests[test][0] == "missing":
                rows.append('<tr><td>%s</td><td class="mono">%s</td><td>no results: the host stopped first</td></tr>'
                            % (esc(run.name), esc(test)))
    if not rows:
        return ""
    return ('<h2>Unexpected results</h2><p class="note">What no expected/ file allows: each is a failure '
            'to look into.</p><table><tr><th>host</th><th>test</th><th>what happened</th></tr>%s</table>'
            % "\n".join(rows))


def section_rules(runs, rules):
    avail = [r for r in runs if not r.unavailable]
    res = {r.name: rule_results(r, rules) for r in avail}
    out = ['<h2>Verdict per rule</h2>',
           '<p class="note">One row per rule of the assertion catalog (<code>lib/assertions.txt</code>).</p>',
           '<table class="rules"><tr><th>id</th><th>rule</th><th>kind</th><th>what the documents require</th>']
    if len(runs) == 1:
        out.append('<th class="fit">verdict</th><th class="fit">values<br>checked</th><th class="fit">mis-<br>matches</th></tr>')
    else:
        # A matrix: one narrow column per configuration, its name upright,
        # a short verdict per cell and the numbers in its tooltip.
        out[-1] = ('<table class="rules matrix"><tr><th>id</th><th>rule</th><th>kind</th>'
                   '<th>what the documents require</th>')
        for run in runs:
            out.append('<th class="vert"><span>%s</span></th>' % esc(run.name))
        out.append('</tr>')
    for rid, rule, kind, stmt in rules:
        row = ['<tr data-rule="%s"><td class="id">%s</td><td class="mono">%s</td><td class="kind">%s</td><td class="stmt">%s</td>'
               % (esc(rid), esc(rid), esc(rule), esc(kind), esc(stmt))]
        for run in runs:
            if run.unavailable:
                if len(runs) > 1:
                    row.append('<td class="cell">%s</td>' % mini_badge("unavailable"))
                else:
                    row.append('<td>%s</td><td></td><td></td>' % badge("unavailable"))
                continue
            v, tried, mism, bad = res[run.name][rid]
            tip = ' title="mismatches in: %s"' % esc(", ".join(bad)) if bad else ""
            if len(runs) == 1:
                row.append('<td%s data-host="%s">%s</td><td class="num">%s</td><td class="num">%s</td>'
                           % (tip, esc(run.name), badge(v), "{:,}".format(tried), "{:,}".format(mism)))
            else:
                tip = ' title="%s: %s, %s checked, %s mismatches%s"' % (
                    esc(run.name), esc(VERDICT[v][1]), "{:,}".format(tried), "{:,}".format(mism),
                    esc("; in " + ", ".join(bad)) if bad else "")
                row.append('<td class="cell"%s data-host="%s">%s</td>'
                           % (tip, esc(run.name), mini_badge(v)))
        out.append("".join(row) + "</tr>")
    out.append('</table>')
    return "\n".join(out)


def short(text, n=90):
    return text if len(text) <= n else text[:n] + "\u2026"


def section_deviations(runs):
    """Per kernel: each pinned deviation and its reason, the tests that
    show it (alike ones in one row) and the hosts they showed on."""
    kernels = {}
    for run in runs:
        if run.unavailable:
            continue
        k = kernels.setdefault(run.kernel or "?", {})
        for test, dev, reason, where in run.xfails:
            e = k.setdefault((dev, reason), [set(), set(), set()])
            e[0].add(test)
            e[1].add(re.sub(r"^.*/(expected/)", r"\1", where))
            e[2].add(run.name)
    out = ['<h2>Deviations from the documented ABI, per kernel</h2>',
           '<p class="note">Where a kernel does not do what the documents say, and the suite knows it: '
           'the test fails with exactly the mismatches pinned in <code>expected/</code> (each '
           '<code>&lt;irq field&gt;/&lt;level&gt;=&lt;observed&gt;</code>, or a word), for the reason given there. '
           'A test that fails any other way is listed under unexpected results instead.</p>']
    if not kernels:
        out.append('<p>No run to show.</p>')
    for kernel in sorted(kernels):
        devs = kernels[kernel]
        hosts = [r.name for r in runs if not r.unavailable and (r.kernel or "?") == kernel]
        ntests = sum(len(e[0]) for e in devs.values())
        out.append('<h3>Linux %s <span class="small">(%s)</span>: %d test%s with a pinned deviation</h3>'
                   % (esc(kernel), esc(", ".join(hosts)), ntests, "" if ntests == 1 else "s"))
        if not devs:
            out.append('<p>None: every test of this kernel passed or skipped as expected.</p>')
            continue
        out.append('<table class="devs"><tr><th>test</th><th>pinned deviation</th><th>reason (from expected/)</th>'
                   + ('<th>seen on</th>' if len(hosts) > 1 else '') + '</tr>')
        for (dev, reason), (tests, where, seen) in sorted(devs.items(), key=lambda kv: sorted(kv[1][0])):
            devcell = esc(dev)
            if len(dev) > 70:
                devcell = '<details><summary>%s</summary>%s</details>' % (esc(short(dev, 56)), esc(dev))
            out.append('<tr><td class="mono">%s</td><td class="devtext">%s</td><td>%s <span class="small">(%s)</span></td>%s</tr>'
                       % ("<br>".join(esc(t) for t in sorted(tests)), devcell, esc(reason),
                          esc(", ".join(sorted(where))),
                          '<td>%s</td>' % esc(", ".join(sorted(seen))) if len(hosts) > 1 else ''))
        out.append('</table>')
    return "\n".join(out)


def svg_cell(x, y, w, h, state, counts, rng, host, cfg, label):
    fill, text, _ = CELL[state]
    a, r, m, u = counts
    tip = "%s on %s, %s%s: %s accepted, %s rejected as documented, %s mismatched, %s unspecified" % (
        cfg, host, label, " (numbers %d-%d)" % rng if rng else "", a, r, m, u)
    out = ['<g class="cell" data-host="%s" data-config="%s" data-band="%s" data-state="%s"><title>%s</title>'
           % (esc(host), esc(cfg), esc(label), state, esc(tip))]
    if state == "mixed":
        out.append('<rect x="%d" y="%d" width="%d" height="%d" fill="#0072B2"/>' % (x, y, w, h))
        out.append('<polygon points="%d,%d %d,%d %d,%d" fill="#56B4E9"/>' % (x + w, y, x + w, y + h, x, y + h))
    else:
        out.append('<rect x="%d" y="%d" width="%d" height="%d" fill="%s"/>' % (x, y, w, h, fill))
    if state in ("pinned", "deviating"):
        out.append('<rect x="%d" y="%d" width="%d" height="%d" fill="url(#hatch)"/>' % (x, y, w, h))
    out.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#666" stroke-width="0.6"/>' % (x, y, w, h))
    colour = "#fff" if state in ("accepted", "deviating", "mixed") else "#111"
    weight = "bold" if state in ("pinned", "deviating") else "normal"
    if text:
        out.append('<text x="%d" y="%d" font-size="11" text-anchor="middle" fill="%s" font-weight="%s">%s</text>'
                   % (x + w // 2, y + h // 2 + 4, colour, weight, text))
    out.append('</g>')
    return "".join(out)


def config_label(cfg):
    return cfg[len("irq_abi."):] if cfg.startswith("irq_abi.") else cfg


def heatmap(run, configs):
    cw, ch, left, top = 40, 19, 205, 100
    width = left + cw * len(configs) + 10
    height = top + ch * len(BANDS) + 10
    out = ['<svg width="%d" height="%d" role="img" aria-label="band map of %s">'
           % (width, height, esc(run.name)),
           '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
           '<rect width="2" height="6" fill="rgba(0,0,0,0.22)"/></pattern></defs>']
    out.append('<text x="%d" y="16" font-size="12" fill="#333">VM configuration (columns) \u2192</text>' % left)
    out.append('<text x="4" y="%d" font-size="12" fill="#333">irq_type and irq_number band \u2193</text>' % (top - 6))
    for j, cfg in enumerate(configs):
        x = left + j * cw + cw // 2
        out.append('<text x="%d" y="%d" font-size="12" transform="rotate(-55 %d %d)">%s</text>'
                   % (x - 2, top - 6, x - 2, top - 6, esc(config_label(cfg))))
    for i, (_, label) in enumerate(BANDS):
        y = top + i * ch
        out.append('<text x="%d" y="%d" font-size="12" text-anchor="end">%s</text>' % (left - 6, y + ch // 2 + 4, esc(label)))
    for j, cfg in enumerate(configs):
        x = left + j * cw
        col, cells = config_cells(run, cfg)
        if col != "ran":
            state = "skipped" if col == "skipped" else "untried"
            tip = "%s on %s: %s" % (cfg, run.name, "skipped: " + run.skips.get(
                next((t for t in run.order if t.startswith(cfg + ".")), ""), "the host cannot create this VM")
                if col == "skipped" else "not run")
            out.append('<g class="column" data-host="%s" data-config="%s" data-state="%s"><title>%s</title>'
                       '<rect x="%d" y="%d" width="%d" height="%d" fill="%s" stroke="#999" stroke-width="0.6"/>'
                       '<text x="%d" y="%d" font-size="11" fill="#555" text-anchor="middle" transform="rotate(-90 %d %d)">%s</text></g>'
                       % (esc(run.name), esc(cfg), col, esc(tip), x, top, cw, ch * len(BANDS), CELL[state][0],
                          x + cw // 2, top + ch * len(BANDS) // 2, x + cw // 2, top + ch * len(BANDS) // 2,
                          "skipped (host lacks it)" if col == "skipped" else "not run"))
            continue
        for i, (key, label) in enumerate(BANDS):
            state, counts, rng = cells[key]
            out.append(svg_cell(x, top + i * ch, cw, ch, state, counts, rng, run.name, cfg, label))
    out.append('</svg>')
    return "\n".join(out)


def heat_legend():
    items = []
    for state in ("accepted", "rejected", "mixed", "unspecified", "pinned", "deviating", "untried", "skipped"):
        fill, text, desc = CELL[state]
        sw = ['<svg width="44" height="20" aria-hidden="true">']
        if state == "mixed":
            sw.append('<rect width="44" height="20" fill="#0072B2"/><polygon points="44,0 44,20 0,20" fill="#56B4E9"/>')
        else:
            sw.append('<rect width="44" height="20" fill="%s"/>' % fill)
        if state in ("pinned", "deviating"):
            sw.append('<defs><pattern id="hl%s" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
                      '<rect width="2" height="6" fill="rgba(0,0,0,0.22)"/></pattern></defs>'
                      '<rect width="44" height="20" fill="url(#hl%s)"/>' % (state, state))
        sw.append('<rect width="44" height="20" fill="none" stroke="#666"/>')
        colour = "#fff" if state in ("accepted", "deviating", "mixed") else "#111"
        sw.append('<text x="22" y="14" font-size="11" text-anchor="middle" fill="%s">%s</text></svg>' % (colour, text))
        items.append('<div><dt>%s</dt><dd>%s</dd></div>' % ("".join(sw), esc(desc)))
    return '<dl class="legend">%s</dl>' % "".join(items)


def section_heatmap(runs):
    avail = [r for r in runs if not r.unavailable]
    configs = configs_of(avail)
    out = ['<h2>The KVM_IRQ_LINE sweep, band by band</h2>',
           '<p class="note">The <code>irq_abi</code> sweep sends every irq_type and a spread of vcpu and '
           'irq_number values to each VM configuration below and compares each answer with the documents. '
           'A cell sums the answers of one band of irq_number on one VM. Column names: '
           '<code>nogic_N</code> a VM without an in-kernel interrupt controller and N vcpus; '
           '<code>v3_64_N</code> / <code>v2_64_N</code> a vgic-v3 / vgic-v2 with nr_irqs 64 (or 256, or '
           '<code>max</code>, the most the kernel takes) and N vcpus; <code>vcpu_lookup.*</code> vcpus '
           'created with ids out of order; <code>uninit.*</code> a vgic created but never initialised. '
           'Hover a cell for its counts.</p>', heat_legend()]
    if not configs:
        out.append('<p><b>No band lines in %s:</b> the document was made by a suite that does not print '
                   '<code># band:</code> lines, or the sweep did not run.</p>' % ("these runs" if len(avail) > 1 else "this run"))
    for run in runs:
        if len(runs) > 1:
            out.append('<h3>%s</h3>' % esc(run.label()))
        if run.unavailable:
            out.append('<p class="small">Unavailable on this machine: %s</p>' % esc(run.unavailable))
            continue
        if configs:
            out.append(heatmap(run, configs))
    return "\n".join(out)


def section_sequences(runs):
    """Per run and model: what the explored sequences covered, what never
    fired, and the first mismatch with its (shrunk) reproducer."""
    runs = [r for r in runs if r.explored]
    if not runs:
        return ""
    out = ['<h2>The explored sequences</h2>',
           '<p class="note">Seeded sequences of operations, judged step by step against the models '
           '(docs/sequences.md): per model how many sequences (every run makes at least the default), '
           'operations and distinct model states, the transitions that never fired, and the models\' '
           'version. A mismatch gives the line <code>make replay REPLAY=\'...\'</code> runs again.</p>']
    for run in runs:
        out.append('<h3>%s</h3>' % esc(run.label()))
        out.append('<table><tr><th>test</th><th>model</th><th>VMs</th><th>sequences (default)</th>'
                   '<th>operations</th><th>states</th><th>never fired</th><th>models</th></tr>')
        for test, model, vms, seed, n, ops, states, dflt, models in run.explored:
            out.append('<tr data-explored="%s %s %s"><td>%s</td><td>%s</td><td>%s</td><td>%s (%s)</td>'
                       '<td>%s</td><td>%s</td><td>%s</td><td><code>%s</code></td></tr>'
                       % (esc(test), esc(model), esc(vms), esc(test), esc(model), esc(vms), n, dflt, ops, states,
                          esc(run.unfired.get((test, model, vms), "?")), esc(models)))
        out.append('</table>')
        for test, what in run.mismatches.items():
            out.append('<p><b>%s</b>: %s</p>' % (esc(test), "<br>".join(esc(w) for w in what)))
            if test in run.reproducers:
                out.append('<pre>make replay HOST=%s REPLAY=\'%s\'</pre>'
                           % (esc(run.name), esc(run.reproducers[test])))
    return "\n".join(out)


def section_timeline(runs):
    run = next((r for r in runs if not r.unavailable and r.timeline), None)
    out = ['<h2>A userspace interrupt controller at work: device_irq_level, return by return</h2>']
    if run is None:
        out.append('<p>No run here printed a <code># timeline:</code> (the test '
                   '<code>irqchip_loop.vtimer_1</code> did not run, or the suite predates it).</p>')
        return "\n".join(out)
    steps = run.timeline
    out.append('<p class="note">Without an in-kernel interrupt controller, KVM reports the level of the '
               'vcpu\'s timer and PMU interrupts in <code>device_irq_level</code> each time <code>KVM_RUN</code> '
               'returns, and forces a return when one changes; the VMM\'s own controller (here '
               '<code>lib/user_irqchip.c</code>, as QEMU with kernel_irqchip=off) then raises or lowers the '
               'vcpu\'s IRQ line with <code>KVM_IRQ_LINE</code>. Below, vcpu 0\'s first %d returns of '
               '<code>%s</code> on %s. The horizontal axis counts returns from KVM_RUN, not time.</p>'
               % (len(steps), esc(run.timeline_test), esc(run.name)))
    dx, left, th = 25, 290, 26
    tracks = [("device_irq_level bit 0: EL1 virtual timer", lambda s: s[2] & 1),
              ("device_irq_level bit 1: EL1 physical timer", lambda s: (s[2] >> 1) & 1),
              ("device_irq_level bit 2: PMU overflow", lambda s: (s[2] >> 2) & 1),
              ("CPU IRQ line, as the loop drove it", lambda s: s[3])]
    n = len(steps)
    top = 14
    exits_y = top + th * len(tracks) + 10
    axis_y = exits_y + 34
    width = left + dx * n + 30
    height = axis_y + 44
    colours = ["#0072B2", "#56B4E9", "#009E73", "#D55E00"]
    svg = ['<svg width="%d" height="%d" role="img" aria-label="device_irq_level timeline">'
           % (width, height)]
    for k in range(n + 1):
        x = left + k * dx
        svg.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#e4e4e4"/>' % (x, top, x, axis_y))
    for i, (label, get) in enumerate(tracks):
        y0 = top + i * th
        hi, lo = y0 + 6, y0 + th - 8
        svg.append('<text x="%d" y="%d" font-size="12" text-anchor="end">%s</text>' % (left - 14, y0 + th // 2 + 4, esc(label)))
        pts = []
        for k, s in enumerate(steps):
            y = hi if get(s) else lo
            pts.append("%d,%d %d,%d" % (left + k * dx, y, left + (k + 1) * dx, y))
        svg.append('<text x="%d" y="%d" font-size="9" fill="#777">1</text><text x="%d" y="%d" font-size="9" fill="#777">0</text>'
                   % (left - 7, hi + 3, left - 7, lo + 3))
        svg.append('<polyline points="%s" fill="none" stroke="%s" stroke-width="2.5"/>' % (" ".join(pts), colours[i]))
        svg.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#bbb" stroke-dasharray="2,3"/>' % (left, lo, left + n * dx, lo))
    svg.append('<text x="%d" y="%d" font-size="12" text-anchor="end">how KVM_RUN returned</text>' % (left - 8, exits_y + 14))
    for k, s in enumerate(steps):
        x = left + k * dx + dx // 2
        if s[1] == "forced":
            svg.append('<g><title>return %d: forced return (EINTR, KVM_EXIT_INTR)</title>'
                       '<polygon points="%d,%d %d,%d %d,%d" fill="#D55E00"/></g>'
                       % (s[0], x, exits_y + 2, x - 7, exits_y + 16, x + 7, exits_y + 16))
        elif s[1] == "ucall":
            svg.append('<g><title>return %d: the guest\'s ucall (its EOI, an MMIO exit)</title>'
                       '<rect x="%d" y="%d" width="12" height="12" fill="#0072B2"/></g>' % (s[0], x - 6, exits_y + 3))
        else:
            svg.append('<g><title>return %d: %s</title><circle cx="%d" cy="%d" r="6" fill="#999"/></g>'
                       % (s[0], esc(s[1]), x, exits_y + 9))
    svg.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333"/>' % (left, axis_y, left + n * dx, axis_y))
    for k in range(0, n + 1, 5):
        x = left + k * dx
        svg.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333"/>' % (x, axis_y, x, axis_y + 5))
        svg.append('<text x="%d" y="%d" font-size="11" text-anchor="middle">%d</text>' % (x, axis_y + 17, k))
    svg.append('<text x="%d" y="%d" font-size="12" text-anchor="middle">KVM_RUN return number (vcpu 0)</text>'
               % (left + n * dx // 2, axis_y + 35))
    svg.append('</svg>')
    out.append("\n".join(svg))
    out.append('<p class="note small">Key: a high trace is 1 (level raised, line raised), a low one 0. '
               '<span style="color:#D55E00">\u25b2</span> forced return (KVM_RUN fails with EINTR, exit reason '
               'KVM_EXIT_INTR: a device level changed); <span style="color:#0072B2">\u25a0</span> the guest\'s '
               'ucall, its end of interrupt (an MMIO exit). A healthy loop: the timer fires, KVM forces a return '
               'with bit 0 set, the loop raises the IRQ line, the guest takes the interrupt, masks the timer '
               'and signals its EOI, and the loop lowers the line.</p>')
    return "\n".join(out)


def page(runs, rules, title):
    body = [section_header(runs, title), section_legend(runs), section_unexpected(runs),
            section_rules(runs, rules), section_deviations(runs), section_heatmap(runs),
            section_sequences(runs), section_timeline(runs)]
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n<title>%s</title>\n'
            '<style>%s</style></head>\n<body>\n%s\n</body></html>\n' % (esc(title), CSS, "\n".join(b for b in body if b)))


def parse_args(argv):
    out, title, dirs = None, None, []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("--out", "--title"):
            if i + 1 >= len(argv):
                raise BadInput("%s needs a value" % a)
            if a == "--out":
                out = argv[i + 1]
            else:
                title = argv[i + 1]
            i += 2
            continue
        if a.startswith("-"):
            raise BadInput("unknown option '%s' (usage: %s --out FILE.html [--title T] RUNDIR...)" % (a, PROG))
        dirs.append(a)
        i += 1
    if not out:
        raise BadInput("--out FILE.html is required")
    if not dirs:
        raise BadInput("no RUNDIR given")
    return out, title, dirs


def write_atomically(path, text):
    d = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(d):
        raise BadInput("--out %s: no such directory %s" % (path, d))
    fd, tmp = tempfile.mkstemp(prefix=".report.", suffix=".tmp", dir=d)
    try:
        with os.fdopen(fd, "w") as f:
            f.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def main():
    try:
        out, title, dirs = parse_args(sys.argv[1:])
        rules = read_catalog(CATALOG)
        runs = [Run(d) for d in dirs]
        names = [r.name for r in runs]
        dup = next((n for n in names if names.count(n) > 1), None)
        if dup:
            raise BadInput("two RUNDIRs are named %s" % dup)
        if title is None:
            title = ("KVM arm64 interrupt injection: conformance report, %s" % runs[0].name if len(runs) == 1 else
                     "KVM arm64 interrupt injection: conformance matrix of %d host configurations" % len(runs))
        write_atomically(out, page(runs, rules, title))
    except BadInput as e:
        die(str(e))
    except OSError as e:
        die("%s: %s" % (e.filename or "", e.strerror))


if __name__ == "__main__":
    main()
