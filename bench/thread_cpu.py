#!/usr/bin/env python3
"""Runs a command and prints, when it ends, the CPU time each of its threads used (user +
system, read from /proc every 0.1 s, so a thread's last tenth of a second may be missing) and
the wall time. For seeing which of portaria-index's two threads bounds a run:

    bench/thread_cpu.py build/bin/portaria-index -q --compact --db /tmp/x.db corpus.jsonl
"""
import os
import subprocess
import sys
import time

if len(sys.argv) < 2:
    sys.exit(__doc__)
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
tick = os.sysconf("SC_CLK_TCK")
last = {}
start = time.time()
while child.poll() is None:
    try:
        for tid in os.listdir(f"/proc/{child.pid}/task"):
            with open(f"/proc/{child.pid}/task/{tid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            last[tid] = (int(fields[11]) + int(fields[12])) / tick  # utime + stime
    except (FileNotFoundError, ProcessLookupError):
        pass  # the thread or the process ended between two reads
    time.sleep(0.1)
print(f"wall {time.time() - start:.1f} s, exit {child.returncode}")
for tid, cpu in sorted(last.items(), key=lambda item: -item[1]):
    print(f"thread {tid}: {cpu:.1f} s of CPU")
