# SPDX-License-Identifier: GPL-2.0
"""A run_tests.sh document, in either format, split the one way every
reader here splits it: the top-level lines, and for each binary the lines
of its own TAP, un-nested ("# " in the kselftest format, four spaces in
KTAP v1), without run_tests.sh's own verdict lines."""

import re

from tap.parser import Parser

BLOCK = re.compile(r"^# selftests: kvm-irq: (\S+)$")
TOP_RESULT = re.compile(r"^(not )?ok \d+ selftests: kvm-irq: (\S+)")
ANNOTATION = re.compile(r"^# (stderr|xfail|skip|unexpected|tally|behaviour|note|klog|unpinned): ")
RUN = re.compile(r"^#  RUN +(\S+) ")


def nested(line):
    """A binary's line without its nesting, or None for a top-level one."""
    if line.startswith("    "):
        return line[4:]
    if line.startswith("# ") and not ANNOTATION.match(line):
        return line[2:]
    return None


def binaries(lines):
    """(binary, its lines, its top-level result line or None), in order;
    a binary whose block no result line closes comes last with None."""
    out, binary, child = [], None, None
    for line in lines:
        m = BLOCK.match(line)
        if m:
            binary, child = m.group(1), []
            continue
        if binary is None:
            continue
        m = TOP_RESULT.match(line)
        if m:
            out.append((binary, child, line if m.group(2) == binary else None))
            binary = None
            continue
        text = nested(line)
        if text is not None:
            child.append("TAP version 13" if text == "KTAP version 1" else text)
    if binary is not None:
        out.append((binary, child, None))
    return out


def results(lines):
    """Each result of a binary's TAP, as tappy reads it: (name, state,
    line), state pass, fail or skip; a result without a description is
    named by its RUN line (the 6.1 harness prints skips so), or by its
    number."""
    running = None
    parser = Parser()
    for text in lines:
        line = parser.parse_line(text)
        if line.category == "diagnostic":
            m = RUN.match(line.text)
            running = m.group(1) if m else running
        elif line.category == "test":
            name = line.description.strip() or running or "test%d" % line.number
            yield name, "skip" if line.skip else "pass" if line.ok else "fail", line
            running = None
