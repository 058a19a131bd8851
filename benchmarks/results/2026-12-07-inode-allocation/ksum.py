import collections,sys
tot=0; kern=collections.Counter(); sysc=collections.Counter()
for line in open(sys.argv[1]):
    st,n=line.rsplit(' ',1); n=int(n); fr=st.split(';'); tot+=n
    ks=[f for f in fr if f.endswith('_[k]')]
    if ks:
        for f in fr:
            if f.startswith('__x64_sys_') or f.startswith('__do_sys'):
                sysc[f]+=n; break
        for f in set(ks): kern[f]+=n
print('total s',tot*0.002)
for k,n in sysc.most_common(8): print(f"{n*0.002:8.2f} {k}")
for k,n in kern.most_common(int(sys.argv[2]) if len(sys.argv)>2 else 20): print(f"{n*0.002:8.2f} {k}")
