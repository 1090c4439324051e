#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""parse-results.py DOC OUT: a run_tests.sh document as a LAVA board farm
reads a kselftest run, one "NAME RESULT" line per test case into OUT,
for kvm-irq.sh to hand to lava-test-case.

The logic is the one of Linaro's test-definitions for kselftest
(automated/linux/kselftest/parse-output.py, python3-tap): tappy reads the
top-level TAP; the diagnostic lines before each result, un-nested, are
that result's own TAP, read again the same way; every result is named
after its parents ("kvm-irq_caps_caps_user_irq_version", then the
binary's "kvm-irq_caps"), the name cut down to the characters a LAVA
test case id keeps (letters, digits, '_', '-'), and a name seen before
gets "_dupN".  ok is pass, ok with SKIP is skip, not ok is fail, so an
expected failure, which run_tests.sh prints as "ok N test # XFAIL
<deviation>", passes.

Where this parser differs, for the farm's history: a skip keeps the
name it has when it passes (test-definitions adds the SKIP reason), and
so does an unexpected skip (run_tests.sh's "not ok N test (skipped:
why)"); a behaviour no expected/ file pins for this kernel, which
run_tests.sh counts in none of passed, failed or skipped, is "unknown";
and KTAP v1 subtests (--ktap: indented by four spaces) nest as "# "
lines do.  OUT is written whole or not at all."""

import os
import re
import sys

from tap.parser import Parser

UNPINNED = re.compile(r"^# unpinned: (\S+) = ")
UNEXPECTED_SKIP = re.compile(r" \(skipped: .*\)$")


def sanitise(name):
    """The characters a LAVA test case id keeps, as test-definitions'
    slugify keeps them."""
    return re.sub(r"[^A-Za-z0-9_-]+", "_", name).strip("_")


def uncomment(line):
    """A line of the TAP nested under a result, or None: "# " as
    kselftest nests, four spaces as KTAP v1 does."""
    if line.startswith("#"):
        return line[1:].strip()
    if line.startswith("    "):
        return line[4:]
    return None


def parse(lines, unpinned):
    """Each result of lines: (name, result, its own results), in order."""
    out, nested = [], []
    parser = Parser()
    for text in lines:
        line = parser.parse_line(text)
        if line.category == "test":
            name = line.description.strip()
            if name.startswith("selftests:"):
                name = name[len("selftests:"):].strip()
            name = UNEXPECTED_SKIP.sub("", name)
            if line.skip:
                result = "skip"
            elif not line.ok:
                result = "fail"
            elif name in unpinned:
                result = "unknown"
            else:
                result = "pass"
            out.append((name or "unknown", result, parse(nested, unpinned)))
            nested = []
        else:
            text = uncomment(text)
            if text is not None:
                nested.append(text)
    return out


def flatten(prefix, results):
    """Every result, its own results before it, named after its parents."""
    out = []
    for name, result, children in results:
        full = prefix + sanitise(name)
        out += flatten(full + "_", children) + [(full, result)]
    return out


def unique(cases):
    seen = {}
    for name, result in cases:
        seen[name] = seen.get(name, 0) + 1
        yield (name if seen[name] == 1 else "%s_dup%d" % (name, seen[name])), result


def die(msg):
    print(msg, file=sys.stderr)
    sys.exit(2)


def main():
    if len(sys.argv) != 3:
        die("usage: parse-results.py DOC OUT")
    doc, out = sys.argv[1:]
    try:
        with open(doc, errors="backslashreplace") as f:
            lines = f.read().splitlines()
    except OSError as e:
        die("parse-results.py: %s: %s" % (doc, e.strerror))
    unpinned = {m.group(1) for m in map(UNPINNED.match, lines) if m}
    cases = list(unique(flatten("", parse(lines, unpinned))))
    if not cases:
        die("parse-results.py: %s: no TAP results" % doc)
    tmp = out + ".tmp"
    with open(tmp, "w") as f:
        f.writelines("%s %s\n" % c for c in cases)
    os.replace(tmp, out)


if __name__ == "__main__":
    main()
