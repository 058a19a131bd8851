import sys, statistics, collections
# med.py FILE: per label, medians of "label wall user sys maxrss_kb" lines
d = collections.defaultdict(list)
for line in open(sys.argv[1]):
    p = line.split()
    if len(p) == 5:
        d[p[0]].append([float(x) for x in p[1:]])
for k, rows in sorted(d.items()):
    cols = list(zip(*rows))
    print(k, "n", len(rows), "median wall %.2f user %.2f sys %.2f rss %.0f MB" % tuple(
        [statistics.median(c) for c in cols[:3]] + [statistics.median(cols[3]) / 1024]),
        "| walls", " ".join("%.2f" % w for w in cols[0]))
