#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""junit.py DOC OUT.xml: every result of a run_tests.sh document (either
format) as JUnit XML, for CI systems: a <testsuite> per binary, a
<testcase> per test.  The TAP is read by tappy (python3-tap), the XML
written by junitparser (python3-junitparser).  A skip is <skipped>, a
failure <failure>; an expected failure, which the document says as
"ok ... # XFAIL <deviation>", passes, its deviation in the case's
system-out.  A binary the document has no result line for is one
<error>.

junit.py --counts XML: the file read back with junitparser, as one line
"P passed, F failed, S skipped", an error counted as failed and named
too (" (N errors)"): what make check and make matrix compare with the
document's own last line."""

import os
import sys

from junitparser import Error, Failure, JUnitXml, Skipped, TestCase, TestSuite

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tapdoc  # noqa: E402


def suite_of(binary, lines, closed):
    suite = TestSuite("kvm-irq." + binary)
    for name, state, line in tapdoc.results(lines):
        case = TestCase(name, classname="kvm-irq." + binary)
        if state == "skip":
            case.result = [Skipped(line.directive.reason)]
        elif state == "fail":
            case.result = [Failure("not ok")]
        elif "XFAIL" in line.directive.text:
            case.system_out = "expected failure, as pinned: " + line.directive.text
        suite.add_testcase(case)
    if closed is None:
        case = TestCase(binary, classname="kvm-irq." + binary)
        case.result = [Error("the run has no result for this binary")]
        suite.add_testcase(case)
    return suite


def counts(path):
    x = JUnitXml.fromfile(path)
    e = " (%d errors)" % x.errors if x.errors else ""
    return "%d passed, %d failed, %d skipped%s" % (
        x.tests - x.failures - x.skipped - x.errors, x.failures + x.errors, x.skipped, e)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--counts":
        print(counts(sys.argv[2]))
        return
    if len(sys.argv) != 3:
        sys.exit("usage: junit.py DOC OUT.xml | --counts XML")
    with open(sys.argv[1], errors="backslashreplace") as f:
        lines = f.read().splitlines()
    xml = JUnitXml("kvm-irq")
    for binary, child, closed in tapdoc.binaries(lines):
        xml.add_testsuite(suite_of(binary, child, closed))
    xml.update_statistics()
    xml.write(sys.argv[2], pretty=True)


if __name__ == "__main__":
    main()
