import sys, collections
f=sys.argv[1]; thread=sys.argv[2]; pat=sys.argv[3] if len(sys.argv)>3 else 'org/mailsnap'
inc=collections.Counter(); tot=0
for line in open(f):
    st,n=line.rsplit(' ',1); n=int(n); fr=st.split(';')
    if not fr[0].startswith("["+thread): continue
    tot+=n
    seen=set()
    for x in fr:
        if pat in x and x not in seen:
            seen.add(x); inc[x]+=n
print('thread total',tot)
for k,v in inc.most_common(int(sys.argv[4]) if len(sys.argv)>4 else 45): print('%5d %5.1f%% %s'%(v,100*v/tot,k))
