import sys, statistics, collections
d=collections.defaultdict(lambda: ([],[]))
for line in open(sys.argv[1]):
    p=line.split()
    if len(p)==3: d[p[0]][0].append(float(p[1])); d[p[0]][1].append(float(p[2]))
for k,(w,u) in sorted(d.items()): print(k, "n", len(w), "median wall %.3f" % statistics.median(w), "user %.3f" % statistics.median(u), "min wall %.2f max %.2f" % (min(w), max(w)))
