#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""jobs.py --out DIR --artifacts URL --repository URL --revision REV
           --version VERSION [CONFIG...]

One LAVA job per emulated host configuration (emuhost/hosts; every one,
or the CONFIGs named), DIR/<config>.yaml, for a lab's QEMU workers
(device type qemu): the emulated arm64 KVM host booted by the
dispatcher's qemu method, its settings in the job's context (the
machine with virtualization=on and the GIC version, the CPU, the memory,
the vcpus), the kernel and the ramdisk deployed to tmpfs, LAVA's overlay
and make dist's tarball added to the ramdisk, and lava/kvm-irq.yaml of
this repository at REV as the test.  Artifacts are under URL:
kernels/<series>/Image, ramdisk.cpio.gz and
kvm-irq-conformance-arm64.tar.gz (make lava-jobs stages them).
The configuration's name, the suite's version and commit are the job's
metadata.  Without CONFIGs, also DIR/boards/<device type>.yaml, jobs
for real boards (BOARDS below).  One line on stderr and exit 2 for bad
input; nothing is written then."""

import os
import subprocess
import sys

import yaml

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HOSTS = os.path.join(TOP, "emuhost", "hosts.sh")
TARBALL = "kvm-irq-conformance-arm64.tar.gz"
# Where the job puts the tarball in the ramdisk, and so where the test
# shell finds it (lava/kvm-irq.yaml's TARBALL).
TARBALL_PATH = "/" + TARBALL
# The shell /init starts in LAVA mode (emuhost/init) prints this prompt.
PROMPT = "kvm-irq-host # "
# Bounds for a slow lab: a whole run takes 1 to 3 minutes on the
# emulated hosts here, 10 to 100 times that is still bounded.
TIMEOUTS = {"job": 120, "deploy": 10, "boot": 15, "test": 100}
OPTIONS = ("out", "artifacts", "repository", "revision", "version")
# Real boards, for a lab that has them (DIR/boards/<device type>.yaml):
# the kernel under test is the lab's own, with its device tree and a
# Debian arm64 root file system over NFS, named by the variables
# ${KERNEL_URL}, ${DTB_URL} and ${NFSROOTFS_URL}, which the lab fills
# (envsubst) before it submits; the suite's tarball is fetched from
# ARTIFACTS.  Only LAVA's schema checks them here: a board job needs a
# lab's boards, power control and network to run.
BOARDS = {
    # Arm Juno r2: Cortex-A72/A53, GIC-400 (GICv2: vgic-v2 only), nVHE.
    "juno-uboot": {"about": "Arm Juno r2, GIC-400 (vgic-v2), nVHE", "require": "vgic-v2,pmu,user-irq"},
    # Radxa ROCK Pi 4B (RK3399): Cortex-A72/A53, GIC-500 (GICv3), nVHE.
    "rk3399-rock-pi-4b": {"about": "Radxa ROCK Pi 4B (RK3399), GIC-500 (vgic-v3), nVHE",
                          "require": "vgic-v3,pmu,user-irq"},
}


def fail(msg):
    print("jobs.py: %s" % msg, file=sys.stderr)
    sys.exit(2)


def hosts(*args):
    r = subprocess.run(["sh", HOSTS] + list(args), capture_output=True, text=True)
    if r.returncode:
        fail(r.stderr.strip().splitlines()[-1] if r.stderr.strip() else "hosts.sh %s failed" % args[0])
    return r.stdout.split()


def job(name, opts):
    series, gic, mode, cpu, cmdline = hosts("show", name)
    smp, mem = hosts("machine")
    require = hosts("require", gic)[0]
    art = opts["artifacts"].rstrip("/")
    # No loglevel=1 as emuhost/run-host.sh has: the dispatcher waits for
    # the kernel's "Linux version" line; /init's LAVA mode quiets the
    # console after it.
    append = "console=ttyAMA0 panic=-1 kvmirq_run=lava"
    if cmdline != "-":
        append += " " + cmdline
    run_options = "--gic %s --mode %s --cpus %s --require %s" % (gic, mode, smp, require)
    return {
        "device_type": "qemu",
        "job_name": "kvm-irq %s (%s)" % (name, opts["version"]),
        "priority": "medium",
        "visibility": "public",
        "metadata": {
            "kvm-irq.configuration": name,
            "kvm-irq.suite-version": opts["version"],
            "kvm-irq.suite-commit": opts["revision"],
        },
        "timeouts": {
            "job": {"minutes": TIMEOUTS["job"]},
            "connection": {"minutes": 2},
        },
        "context": {
            "arch": "arm64",
            "machine": "virt,virtualization=on,gic-version=%s" % gic,
            "cpu": cpu,
            "memory": int(mem),
            "extra_options": ["-smp %s" % smp, "-accel tcg,thread=single", "-no-reboot"],
        },
        "actions": [
            {"deploy": {
                "to": "tmpfs",
                "os": "oe",
                "timeout": {"minutes": TIMEOUTS["deploy"]},
                "images": {
                    "kernel": {
                        "image_arg": '-kernel {kernel} -append "%s"' % append,
                        "url": "%s/kernels/%s/Image" % (art, series),
                    },
                    "ramdisk": {
                        "image_arg": "-initrd {ramdisk}",
                        "url": "%s/ramdisk.cpio.gz" % art,
                        "compression": "gz",
                        "format": "cpio.newc",
                        "overlays": {
                            "lava": True,
                            "suite": {
                                "url": "%s/%s" % (art, TARBALL),
                                "format": "file",
                                "path": TARBALL_PATH,
                            },
                        },
                    },
                },
            }},
            {"boot": {
                "method": "qemu",
                "media": "tmpfs",
                "timeout": {"minutes": TIMEOUTS["boot"]},
                "prompts": [PROMPT],
            }},
            test_action(opts, TARBALL_PATH, run_options),
        ],
    }


def test_action(opts, tarball, run_options):
    return {"test": {
        "timeout": {"minutes": TIMEOUTS["test"]},
        "definitions": [{
            "repository": opts["repository"],
            "revision": opts["revision"],
            "from": "git",
            "path": "lava/kvm-irq.yaml",
            "name": "kvm-irq",
            "parameters": {"TARBALL": tarball, "RUN_TESTS_OPTIONS": run_options},
        }],
    }}


def board_job(device_type, opts):
    board = BOARDS[device_type]
    return {
        "device_type": device_type,
        "job_name": "kvm-irq %s (%s)" % (device_type, opts["version"]),
        "priority": "medium",
        "visibility": "public",
        "metadata": {
            "kvm-irq.configuration": "board:%s" % device_type,
            "kvm-irq.board": board["about"],
            "kvm-irq.suite-version": opts["version"],
            "kvm-irq.suite-commit": opts["revision"],
        },
        "timeouts": {
            "job": {"minutes": TIMEOUTS["job"]},
            "connection": {"minutes": 2},
        },
        "actions": [
            {"deploy": {
                "to": "tftp",
                "os": "debian",
                "timeout": {"minutes": TIMEOUTS["deploy"]},
                "kernel": {"url": "${KERNEL_URL}", "type": "image"},
                "dtb": {"url": "${DTB_URL}"},
                "nfsrootfs": {"url": "${NFSROOTFS_URL}", "compression": "xz"},
            }},
            {"boot": {
                "method": "u-boot",
                "commands": "nfs",
                "timeout": {"minutes": TIMEOUTS["boot"]},
                "auto_login": {"login_prompt": "login:", "username": "root"},
                "prompts": ["root@(.*):~#"],
            }},
            # run_tests.sh finds the GIC and the KVM mode itself on a board.
            test_action(opts, "%s/%s" % (opts["artifacts"].rstrip("/"), TARBALL),
                        "--require %s" % board["require"]),
        ],
    }


def parse(argv):
    opts, names, i = {}, [], 1
    while i < len(argv):
        a = argv[i]
        if a.startswith("--") and a[2:] in OPTIONS:
            if i + 1 >= len(argv) or not argv[i + 1]:
                fail("option %s needs a value" % a)
            opts[a[2:]] = argv[i + 1]
            i += 2
        elif a.startswith("-"):
            fail("unknown option '%s'" % a)
        else:
            names.append(a)
            i += 1
    missing = [o for o in OPTIONS if o not in opts]
    if missing:
        fail("--%s is required" % missing[0])
    return opts, names


def main(argv):
    opts, names = parse(argv)
    jobs = {n + ".yaml": job(n, opts) for n in names or hosts("names")}
    if not names:
        jobs.update({os.path.join("boards", b + ".yaml"): board_job(b, opts) for b in BOARDS})
    for n, j in jobs.items():
        path = os.path.join(opts["out"], n)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path + ".tmp", "w") as f:
            f.write("# kvm-irq: written by lava/jobs.py (make lava-jobs); %s\n"
                    % j["metadata"]["kvm-irq.configuration"])
            yaml.safe_dump(j, f, sort_keys=False, default_flow_style=False, width=1000)
        os.replace(path + ".tmp", path)
    print("\n".join(os.path.join(opts["out"], n) for n in jobs))


if __name__ == "__main__":
    main(sys.argv)
