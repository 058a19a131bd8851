import sys, collections
def cat(frames):
    t=frames[0]
    if 'C2 Compiler' in t: return 'C2 compiler thread'
    if 'C1 Compiler' in t: return 'C1 compiler thread'
    if 'VM Thread' in t: return 'GC (VM thread, serial collector)'
    leaf=frames[-1]; s=';'.join(frames)
    if 'ZstdCompressCtx.init' in s or 'ZstdCompressCtx_init' in s: return 'zstd context creation (init, memset)'
    if 'sha256' in leaf or 'Sha256' in leaf: return 'SHA-256 (blob-id HMAC, pack name)'
    if 'ZSTD' in leaf or 'HUF' in leaf or 'HIST' in leaf or 'FSE' in leaf: return 'zstd compression'
    if 'GearChunker' in leaf: return 'GearChunker.nextCut'
    if 'aes_gcm' in leaf: return 'AES-GCM'
    if 'mdb_' in leaf: return 'LMDB'
    if leaf.endswith('_[k]'): return 'kernel (reads, writes, scheduling)'
    if 'arraycopy' in leaf or 'memcpy' in leaf or 'memset' in leaf: return 'memcpy/memset/arraycopy'
    return 'other'
for f in sys.argv[1:]:
    c=collections.Counter(); tot=0
    for line in open(f):
        st,n=line.rstrip().rsplit(' ',1); n=int(n); tot+=n; c[cat(st.split(';'))]+=n
    print(f, tot, 'samples =', tot*5/1000, 's')
    for k,v in c.most_common(): print(f"  {v*100/tot:5.1f}%  {v*5/1000:5.1f} s  {k}")
