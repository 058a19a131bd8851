#!/usr/bin/env python3
"""incl.py THREAD N REC.json...: inclusive samples per org.mailsnap method (and top self frames) of one thread."""
import collections, json, sys
thread, n = sys.argv[1], int(sys.argv[2])
incl = collections.Counter(); selfc = collections.Counter(); total = 0
for name in sys.argv[3:]:
    for ev in json.load(open(name))["recording"]["events"]:
        v = ev["values"]
        t = v.get("sampledThread", {}).get("javaName")
        if (thread != "*" and t != thread) or not v.get("stackTrace"):
            continue
        total += 1
        frames = [f"{f['method']['type']['name']}.{f['method']['name']}" for f in v["stackTrace"]["frames"]]
        if frames: selfc[frames[0]] += 1
        for f in set(frames):
            if f.startswith("org/mailsnap"):
                incl[f.split("/")[-1]] += 1
runs = len(sys.argv) - 3
print(f"{total} samples of {thread} in {runs} runs")
print("-- inclusive (org.mailsnap)")
for f, c in incl.most_common(n): print(f"{c:6d} {100*c/total:5.1f}%  {f}")
print("-- self")
for f, c in selfc.most_common(n): print(f"{c:6d} {100*c/total:5.1f}%  {f}")
