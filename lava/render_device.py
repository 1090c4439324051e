#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""render_device.py TEMPLATES DEVICE JOB OUT: the device configuration
lava-run reads, rendered as a LAVA server renders it for a job: the
device dictionary DEVICE (a .jinja2 that extends its device type's
template) from the search path TEMPLATES (':'-separated: lava-server's
device-types, extracted at build time, and lava/devices) with the job
JOB's context as the template's variables.  The result must be a YAML
mapping.  One line on stderr and exit 2 for bad input."""

import os
import sys

import jinja2
import yaml


def fail(msg):
    print("render_device.py: %s" % msg, file=sys.stderr)
    sys.exit(2)


def main(argv):
    if len(argv) != 5:
        fail("usage: render_device.py TEMPLATES DEVICE JOB OUT")
    paths, device, job_file, out = argv[1:]
    try:
        with open(job_file) as f:
            job = yaml.safe_load(f)
    except (OSError, yaml.YAMLError) as exc:
        fail("%s: %s" % (job_file, str(exc).splitlines()[0]))
    if not isinstance(job, dict) or not isinstance(job.get("context", {}), dict):
        fail("%s: not a LAVA job with a context mapping" % job_file)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(paths.split(":")),
        trim_blocks=True, autoescape=False)
    try:
        text = env.get_template(device).render(**job.get("context", {}))
    except jinja2.TemplateError as exc:
        fail("%s: %s" % (device, exc))
    rendered = yaml.safe_load(text)
    if not isinstance(rendered, dict) or "actions" not in rendered:
        fail("%s: rendered to no device configuration" % device)
    with open(out + ".tmp", "w") as f:
        f.write(text)
    os.replace(out + ".tmp", out)


if __name__ == "__main__":
    main(sys.argv)
