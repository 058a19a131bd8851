import re,collections,sys
txt=open(sys.argv[1]).read()
evs=txt.split('jdk.ExecutionSample')
threads=collections.Counter(); top=collections.Counter(); incl=collections.Counter(); n=0
for e in evs:
    fr=re.findall(r'^\s+([\w\.$<>]+)\(.*?\)\s+line:', e, re.M)
    th=re.search(r'sampledThread = "([^"]+)"', e)
    if not fr: continue
    n+=1
    threads[(th.group(1) if th else '?').split('-worker')[0]]+=1
    top[fr[0]]+=1
    for f in set(fr): incl[f]+=1
print("samples", n); print("threads", threads.most_common(5))
print("top frames (self):")
for k,v in top.most_common(12): print("  %5.1f%% %s" % (100*v/n, k))
print("inclusive:")
for k,v in incl.most_common(25): print("  %5.1f%% %s" % (100*v/n, k))
