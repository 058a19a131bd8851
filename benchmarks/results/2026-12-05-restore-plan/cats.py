import sys, collections
# Categories of a restore's CPU samples (async-profiler collapsed stacks, 5 ms each).
def cat(frames):
    t=frames[0]; s=';'.join(frames); leaf=frames[-1]
    if 'C2 Compiler' in t or 'C1 Compiler' in t or 'CompilerThre' in t: return 'JIT compiler threads'
    if 'VM Thread' in t: return 'GC (VM thread)'
    if 'mailsnap-restore' not in t and 'main' not in t: return 'other threads'
    if 'LocalStorage.getRange' in s or 'Storage.getRange' in s or 'readPackRange' in s: return 'pack reads (open/pread/close of the pack file)'
    if 'Compression.decompress' in s or 'Zstd' in s or 'ZSTD' in leaf or 'HUF' in leaf: return 'zstd decompression'
    if 'BlobIdHasher' in s or 'sha256' in leaf: return 'blob-id check (HMAC-SHA-256)'
    if 'Aead.open' in s or 'aes_gcm' in leaf: return 'AES-GCM decryption'
    if 'createTemporary' in s or 'createFile' in s: return 'file create in tmp/ (openat O_EXCL)'
    if 'FileChannelImpl.write' in s or 'IOUtil.write' in s: return 'file data write'
    if 'createLink' in s: return 'link into cur/new'
    if 'deleteIfExists' in s: return 'unlink of tmp name'
    if 'setTimes' in s or 'applyTo' in s: return 'mtime/owner'
    if 'FileChannel' in s and 'close' in s: return 'file close'
    if 'complete' in s or 'readAttributes' in s: return 'stat'
    if 'mdb_' in leaf or 'Catalog' in s or 'Lmdb' in s: return 'catalog (LMDB blob index)'
    if 'SnapshotWalker' in s or 'Manifest' in s: return 'snapshot walk (manifests)'
    if leaf.endswith('_[k]'): return 'kernel, other'
    return 'other (Java, JVM)'
for f in sys.argv[1:]:
    c=collections.Counter(); tot=0
    for line in open(f):
        st,n=line.rstrip().rsplit(' ',1); n=int(n); tot+=n; c[cat(st.split(';'))]+=n
    print(f, tot, 'samples =', tot*5/1000, 's')
    for k,v in c.most_common(): print(f"  {v*100/tot:5.1f}%  {v*5/1000:5.2f} s  {k}")
