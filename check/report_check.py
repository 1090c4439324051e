#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""report_check.py REPORT.html RUNDIR PASSED FAILED SKIPPED: what make
check asks of report/html.py's page of one run.

  - it parses (html.parser), every element closed in order;
  - it is self-contained: no script, link, img, iframe, object or embed
    element, no src= or href= but to a #fragment or data:, no attribute or
    style that names http:, https: or //, no url() but url(#...);
  - its host row counts PASSED, FAILED and SKIPPED, run_tests.sh's summary;
  - its band map has a cell with data for every irq_abi VM configuration
    that ran (a test of it in RUNDIR/results.tsv that did not skip);
  - its explored sequences have a row for every model's "# sequences:"
    line of RUNDIR/results.tap, each named by its test, model and VMs.

Exit 1 with one line per problem; its last line says what it saw."""

import os
import re
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
FORBIDDEN = {"script", "link", "img", "iframe", "object", "embed", "frame", "base"}
REMOTE = re.compile(r"https?:|//", re.I)


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems = [], []
        self.hosts, self.cells = {}, {}
        self.explored = []
        self.style = False

    def attrs_ok(self, tag, attrs):
        for k, v in attrs:
            v = v or ""
            if k in ("src", "href", "xlink:href", "action", "formaction", "poster") and \
                    not (v.startswith("#") or v.startswith("data:")):
                self.problems.append("<%s %s=%r>: not a #fragment or data:" % (tag, k, v[:60]))
            elif REMOTE.search(v):
                self.problems.append("<%s %s=%r>: names a remote resource" % (tag, k, v[:60]))
            elif "url(" in v and not re.fullmatch(r".*url\(#[^)]*\).*", v, re.S):
                self.problems.append("<%s %s=%r>: url() to something but a #fragment" % (tag, k, v[:60]))

    def handle_starttag(self, tag, attrs):
        self.start(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)
        self.style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.start(tag, attrs)

    def start(self, tag, attrs):
        if tag in FORBIDDEN:
            self.problems.append("<%s>: an element that loads or runs something" % tag)
        self.attrs_ok(tag, attrs)
        a = dict(attrs)
        if tag == "tr" and "data-host" in a and "data-passed" in a:
            self.hosts[a["data-host"]] = (a["data-passed"], a["data-failed"], a["data-skipped"])
        if tag == "tr" and "data-explored" in a:
            self.explored.append(a["data-explored"])
        if tag == "g" and a.get("class") == "cell":
            self.cells.setdefault((a.get("data-host"), a.get("data-config")), []).append(a.get("data-state"))

    def handle_endtag(self, tag):
        self.style = False
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append("</%s> closes <%s>" % (tag, self.stack[-1] if self.stack else "nothing"))
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()

    def handle_data(self, data):
        if self.style:
            for m in re.finditer(r"url\(([^)]*)\)|@import", data):
                if not (m.group(1) or "").strip("'\" ").startswith("#"):
                    self.problems.append("<style>: %s" % m.group(0)[:60])
            if REMOTE.search(data):
                self.problems.append("<style>: names a remote resource")


def ran_configs(tsv):
    """irq_abi.<variant> of each irq_abi test that did not skip, in order."""
    out = []
    with open(tsv) as f:
        for line in f:
            col = line.rstrip("\n").split("\t")
            if len(col) == 4 and col[0].startswith("irq_abi.") and col[1] not in ("skip", "took"):
                cfg = col[0].rsplit(".", 1)[0]
                if cfg.count(".") == 1 and cfg not in out:
                    out.append(cfg)
    return out


EXPLORED = re.compile(r"^# (?:# )*sequences: model=(\S+) vms=(\S+) seed=\d+ sequences=")
RUN = re.compile(r"^# (?:# )*#  RUN +(\S+) \.\.\.")


def explored_lines(tap):
    """ "test model vms" of each model's explored line of the document."""
    out, test = [], None
    with open(tap) as f:
        for line in f:
            m = RUN.match(line)
            if m:
                test = m.group(1)
            m = EXPLORED.match(line)
            if m:
                out.append("%s %s %s" % (test, m.group(1), m.group(2)))
    return out


def main():
    if len(sys.argv) != 6:
        sys.exit("usage: report_check.py REPORT.html RUNDIR PASSED FAILED SKIPPED")
    report, rundir, want = sys.argv[1], sys.argv[2], tuple(sys.argv[3:6])
    host = os.path.basename(os.path.normpath(rundir))
    try:
        with open(report) as f:
            text = f.read()
    except OSError as e:
        print("%s: %s" % (report, e.strerror))
        print("# no report")
        return 1
    page = Page()
    try:
        page.feed(text)
        page.close()
    except Exception as e:      # html.parser raises little, but say so
        page.problems.append("html.parser: %s" % e)
    if page.stack:
        page.problems.append("unclosed at the end: %s" % " ".join(page.stack))
    got = page.hosts.get(host)
    if got != want:
        page.problems.append("host %s counts %s passed, %s failed, %s skipped; run_tests.sh: %s, %s, %s"
                             % ((host,) + (got or ("?", "?", "?")) + want))
    configs = ran_configs(os.path.join(rundir, "results.tsv"))
    mapped = 0
    for cfg in configs:
        states = page.cells.get((host, cfg), [])
        if any(s not in ("untried", None) for s in states):
            mapped += 1
        else:
            page.problems.append("no band map cell with data for %s (%d cells)" % (cfg, len(states)))
    want_rows = explored_lines(os.path.join(rundir, "results.tap"))
    if page.explored != want_rows:
        page.problems.append("explored sequences: rows %s; the document's lines %s"
                             % (" | ".join(page.explored) or "none", " | ".join(want_rows) or "none"))
    for p in page.problems:
        print(p)
    print("# %s: %d problems; counts %s; %d of %d irq_abi VM configurations that ran mapped; %d explored-sequences rows"
          % (host, len(page.problems), "/".join(got or ("?",)), mapped, len(configs), len(page.explored)))
    return 1 if page.problems else 0


if __name__ == "__main__":
    sys.exit(main())
