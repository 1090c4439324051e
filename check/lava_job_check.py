#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""lava_job_check.py JOB...: each LAVA job make lava-jobs wrote is one a
LAVA server accepts: LAVA's own schema of a job (lava_common.schemas,
strict, as the server validates a submission), and, beyond it, what a lab
reads the results by: the job's metadata names the configuration
(kvm-irq.configuration) and the suite's version and commit; its test
action runs lava/kvm-irq.yaml with a TARBALL.  One line per problem, "ok"
per job on stdout; exit 1 if any job has one, 2 for a file that cannot
be read."""

import sys

import yaml
from lava_common.schemas import validate
from voluptuous import Invalid

META = ("kvm-irq.configuration", "kvm-irq.suite-version", "kvm-irq.suite-commit")


def problems(job):
    try:
        validate(job, strict=True)
    except Invalid as exc:
        yield "LAVA's schema: %s" % exc
    meta = job.get("metadata") or {}
    for key in META:
        if not meta.get(key):
            yield "no metadata %s" % key
    tests = [a["test"] for a in job.get("actions", []) if "test" in a]
    defs = [d for t in tests for d in t.get("definitions", [])]
    if not any(d.get("path") == "lava/kvm-irq.yaml" and (d.get("parameters") or {}).get("TARBALL")
               for d in defs):
        yield "no test action runs lava/kvm-irq.yaml with a TARBALL"


def main(argv):
    if len(argv) < 2:
        print("usage: lava_job_check.py JOB...", file=sys.stderr)
        return 2
    bad = 0
    for path in argv[1:]:
        try:
            with open(path) as f:
                job = yaml.safe_load(f)
        except (OSError, yaml.YAMLError) as exc:
            print("lava_job_check.py: %s: %s" % (path, str(exc).splitlines()[0]), file=sys.stderr)
            return 2
        if not isinstance(job, dict):
            print("%s: not a mapping" % path)
            bad = 1
            continue
        found = list(problems(job))
        for p in found:
            print("%s: %s" % (path, p))
        if found:
            bad = 1
        else:
            print("ok: %s (%s)" % (path, job["metadata"]["kvm-irq.configuration"]))
    return bad


if __name__ == "__main__":
    sys.exit(main(sys.argv))
