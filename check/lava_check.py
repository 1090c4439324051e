#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""lava_check.py DEFINITION: a LAVA test shell definition has what
lava-test-shell requires: LAVA's own schema of a test definition
(lava_common.schemas.test.testdef, Debian's lava-common), and, said
plainly and where the schema lets more through: metadata with
format "Lava-Test Test Definition 1.0", a name LAVA accepts and a
description; run.steps a list of one-line shell commands; the optional
lists (os, devices, scope, environment, maintainer) lists of strings;
params a mapping of strings.  Beyond the schema: every ${PARAM} a step
uses is one of params, and a step that runs a script of this repository
("./path") names an executable file.  One line per problem, exit 1;
exit 2 for bad input."""

import os
import re
import sys

import yaml

try:
    from lava_common.schemas.test import testdef
except ImportError:
    testdef = None

FORMAT = "Lava-Test Test Definition 1.0"
# The characters LAVA's documentation forbids in a definition's name.
BAD_NAME = re.compile(r"[$& \"'`()<>/\\|;]|[^\x21-\x7e]")
LISTS = ("os", "devices", "scope", "environment", "maintainer")


def problems(d, top):
    if not isinstance(d, dict):
        yield "not a mapping"
        return
    meta = d.get("metadata")
    if not isinstance(meta, dict):
        yield "no metadata mapping"
        meta = {}
    if meta.get("format") != FORMAT:
        yield "metadata.format is %r, not %r" % (meta.get("format"), FORMAT)
    for key in ("name", "description"):
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            yield "metadata.%s missing" % key
    if isinstance(meta.get("name"), str) and BAD_NAME.search(meta["name"]):
        yield "metadata.name %r has a character LAVA refuses" % meta["name"]
    for key in LISTS:
        if key in meta and not (isinstance(meta[key], list) and
                                all(isinstance(v, str) for v in meta[key])):
            yield "metadata.%s is not a list of strings" % key
    params = d.get("params", {})
    if not isinstance(params, dict):
        yield "params is not a mapping"
        params = {}
    elif not all(isinstance(k, str) and isinstance(v, str) for k, v in params.items()):
        yield "params is not a mapping of strings"
    run = d.get("run")
    steps = run.get("steps") if isinstance(run, dict) else None
    if not isinstance(steps, list) or not steps:
        yield "run.steps missing or empty"
        steps = []
    for i, step in enumerate(steps, 1):
        if not isinstance(step, str) or "\n" in step:
            yield "run.steps[%d] is not one line of shell" % i
            continue
        for name in re.findall(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)", step):
            if name not in params:
                yield "run.steps[%d] uses ${%s}, which params does not define" % (i, name)
        m = re.match(r"\./(\S+)", step)
        if m and not os.access(os.path.join(top, m.group(1)), os.X_OK):
            yield "run.steps[%d] runs %s, no executable file in the repository" % (i, m.group(1))


def die(msg):
    print(msg, file=sys.stderr)
    sys.exit(2)


def main():
    if len(sys.argv) != 2:
        die("usage: lava_check.py DEFINITION")
    path = sys.argv[1]
    try:
        with open(path) as f:
            d = yaml.safe_load(f)
    except OSError as e:
        die("lava_check.py: %s: %s" % (path, e.strerror))
    except yaml.YAMLError as e:
        die("lava_check.py: %s: not YAML: %s" % (path, str(e).splitlines()[0]))
    if testdef is None:
        die("lava_check.py: no lava_common: apt-get install lava-common")
    top = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    found = []
    try:
        testdef.validate(d)
    except Exception as e:  # voluptuous's Invalid, whatever its subclass
        found.append("LAVA's schema: %s" % e)
    found += list(problems(d, top))
    for p in found:
        print("%s: %s" % (path, p))
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
