import collections,sys
# sub.py FILE FRAME: main-thread wall samples under FRAME, by the next frames below it (depth 3) and leaf
target=sys.argv[2]; below=collections.Counter(); leaf=collections.Counter(); n=0
for line in open(sys.argv[1]):
    st,c=line.rsplit(' ',1); c=int(c); fr=st.split(';')
    if not fr[0].startswith('[main'): continue
    idx=[i for i,f in enumerate(fr) if target in f]
    if not idx: continue
    i=idx[0]; n+=c
    below[';'.join(x.split('/')[-1][:60] for x in fr[i+1:i+4])]+=c
    leaf[fr[-1][:90]]+=c
print(target,n)
for k,v in below.most_common(12): print(f"{v:5d} {k}")
print('-- leaves')
for k,v in leaf.most_common(12): print(f"{v:5d} {k}")
