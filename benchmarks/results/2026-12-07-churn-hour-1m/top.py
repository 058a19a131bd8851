#!/usr/bin/env python3
"""top.py COLLAPSED [SECONDS_PER_SAMPLE]: async-profiler collapsed stacks: threads, the main thread's inclusive
mailsnap frames, its leaf frames (cpu/wall: seconds; alloc with `total`: bytes)."""
import collections, sys
unit = float(sys.argv[2]) if len(sys.argv) > 2 else 0.002
threads = collections.Counter(); incl = collections.Counter(); leaf = collections.Counter(); main = 0
for line in open(sys.argv[1]):
    stack, n = line.rsplit(' ', 1); n = int(n); frames = stack.split(';')
    threads[''.join(c for c in frames[0] if not c.isdigit())] += n
    if frames[0].startswith('[') and not frames[0].startswith('[main'):  # alloc stacks name no thread
        continue
    main += n; leaf[frames[-1][:90]] += n
    for f in set(frames):
        if 'mailsnap' in f and 'Lambda' not in f:
            incl[f.split('/')[-1]] += n
print("-- threads")
for t, n in threads.most_common(6): print(f"{n * unit:10.2f}  {t}")
print(f"-- main thread, inclusive ({main * unit:.2f} in all)")
for f, n in incl.most_common(70): print(f"{n * unit:10.2f} {100 * n / main:5.1f}%  {f}")
print("-- main thread, leaves")
for f, n in leaf.most_common(30): print(f"{n * unit:10.2f}  {f}")
