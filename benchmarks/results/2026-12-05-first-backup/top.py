import sys, collections, re
f = sys.argv[1]; n = int(sys.argv[2]) if len(sys.argv) > 2 else 30
selfc = collections.Counter(); incl = collections.Counter(); thr = collections.Counter(); total = 0
for line in open(f):
    stack, cnt = line.rstrip().rsplit(' ', 1); cnt = int(cnt); total += cnt
    frames = stack.split(';')
    t = re.sub(r'[-_ ]?\d+', '', frames[0].strip('[]').split(' tid=')[0])
    thr[t] += cnt
    selfc[frames[-1]] += cnt
    for fr in set(frames[1:]): incl[fr] += cnt
print("total samples", total)
print("-- threads"); [print(f"{c*100/total:5.1f}% {k}") for k, c in thr.most_common(8)]
print("-- self"); [print(f"{c*100/total:5.1f}% {k}") for k, c in selfc.most_common(n)]
if len(sys.argv) > 3:
    pat = sys.argv[3]
    print("-- inclusive matching", pat); [print(f"{c*100/total:5.1f}% {k}") for k, c in incl.most_common() if re.search(pat, k)][:n]
