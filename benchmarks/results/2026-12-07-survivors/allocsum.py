import collections,sys
# allocsum.py FILE: async-profiler's collapsed alloc samples (event=alloc,total): by type, nearest mailsnap frame
tot=0; site=collections.Counter(); leaf=collections.Counter()
for line in open(sys.argv[1]):
    st,c=line.rsplit(' ',1); c=int(c); fr=st.split(';'); tot+=c; leaf[fr[-1]]+=c
    site[next((f for f in reversed(fr[:-1]) if f.startswith('org/mailsnap')), None)]+=c
print('total MB', round(tot/1e6,1))
print('-- allocated type'); [print(f"{v/1e6:8.1f} {k}") for k,v in leaf.most_common(15)]
print('-- nearest mailsnap frame'); [print(f"{v/1e6:8.1f} {k}") for k,v in site.most_common(30)]
