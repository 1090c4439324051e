#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""tap_check.py DOC OUTDIR: read a run_tests.sh document (kselftest TAP 13
or, from --ktap, KTAP v1) with tappy
(python3-tap) the way a TAP consumer would, split out each binary's nested
TAP into OUTDIR/<binary>.tap, and write OUTDIR/names.txt: the result names
a LAVA/KernelCI style farm sees, "kvm-irq.<binary>.<test> <result>".

Fails (exit 1, one line per problem) on: a line that is not TAP other than
the closing summary, a plan that does not match the results, a nested
document that tappy cannot read the same way.  Its next to last line
counts the results as tappy reads them: "# counts: P passed, F failed,
S skipped", an expected failure (# XFAIL) among the passed."""

import os
import re
import sys

from tap.parser import Parser

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "report"))
import tapdoc  # noqa: E402

SUMMARY = re.compile(r"^\d+ passed, \d+ failed, \d+ skipped$")


def results(lines):
    """tappy's view of every line: (kind, line object, text)."""
    parser = Parser()
    return [(l.category, l, text) for l, text in
            ((parser.parse_line(text), text) for text in lines)]


def check_document(name, lines, problems, allow_summary=False):
    parsed = results(lines)
    plan = [l for k, l, _ in parsed if k == "plan"]
    tests = [l for k, l, _ in parsed if k == "test"]
    for k, l, text in parsed:
        if k == "unknown" and not (allow_summary and SUMMARY.match(text)):
            problems.append("%s: not TAP: %r" % (name, text))
    if len(plan) != 1:
        problems.append("%s: %d plans" % (name, len(plan)))
    elif plan[0].expected_tests != len(tests):
        problems.append("%s: plan 1..%d but %d results" %
                        (name, plan[0].expected_tests, len(tests)))
    return tests


def top_level(lines):
    """The document as a TAP 13 reader sees its top level: a KTAP v1
    document's version line read as TAP's, its subtests (indented four
    spaces) left to the per-binary check."""
    if not lines or lines[0] != "KTAP version 1":
        return lines
    return ["TAP version 13"] + [l for l in lines[1:] if not l.startswith("    ")]


def child_names(binary, lines):
    """The farm's name and state of each child result."""
    return ["kvm-irq.%s.%s %s" % (binary, name, state)
            for name, state, _ in tapdoc.results(lines)]


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: tap_check.py KTAP OUTDIR")
    with open(sys.argv[1]) as f:
        lines = f.read().splitlines()
    os.makedirs(sys.argv[2], exist_ok=True)
    problems = []
    top = check_document("run_tests.sh", top_level(lines), problems, allow_summary=True)
    if lines and lines[-1] and not SUMMARY.match(lines[-1]):
        problems.append("run_tests.sh: last line is not the summary: %r" % lines[-1])

    names = []
    for binary, child, closed in tapdoc.binaries(lines):
        if closed is None:
            problems.append("%s: no result line" % binary)
            continue
        with open(os.path.join(sys.argv[2], binary + ".tap"), "w") as f:
            f.write("\n".join(child) + "\n")
        check_document(binary, child, problems)
        names += child_names(binary, child)

    with open(os.path.join(sys.argv[2], "names.txt"), "w") as f:
        f.write("\n".join(names) + "\n")
    for p in problems:
        print(p)
    states = [n.rsplit(" ", 1)[1] for n in names]
    print("# counts: %d passed, %d failed, %d skipped" %
          (states.count("pass"), states.count("fail"), states.count("skip")))
    print("# %d binaries, %d test results named" % (len(top), len(names)))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
