import collections, sys
# frames.py FILE.collapsed: share of all samples whose stack holds each frame below (a sample counts once per frame)
frames = ['path_openat', '__ext4_new_inode', 'recently_deleted', 'rwsem_down_write_slowpath', 'do_unlinkat',
          'do_linkat', 'ksys_write', 'HUF_', 'ZSTD_', 'sha256_block', 'aes_gcm', 'mdb_', 'GC', 'Interpreter']
tot = 0
c = collections.Counter()
for line in open(sys.argv[1]):
    stack, n = line.rsplit(' ', 1)
    n = int(n)
    tot += n
    for f in frames:
        if f in stack:
            c[f] += n
print('samples', tot)
for f in frames:
    print('%5.1f%% %s' % (100 * c[f] / tot, f))
