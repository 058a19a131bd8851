#!/usr/bin/env python3
# folio.py: how much of a file one page fault maps into this process (RssFile before and after), by how the
# file's pages came into the page cache. Linux 6.18 maps the whole page-cache folio on a read fault.
import mmap, os, random
def rss_file_kb():
    for line in open('/proc/self/status'):
        if line.startswith('RssFile'):
            return int(line.split()[1])
def per_touch(path, size, advice=None, touches=100):
    fd = os.open(path, os.O_RDONLY)
    m = mmap.mmap(fd, size, prot=mmap.PROT_READ)
    if advice is not None:
        m.madvise(advice)
    random.seed(1)
    before = rss_file_kb()
    for _ in range(touches):
        _ = m[random.randrange(size)]
    after = rss_file_kb()
    m.close(); os.close(fd)
    return (after - before) / touches
size = 256 << 20
path = '/tmp/folio-test.bin'
with open(path, 'wb') as f:          # written in one stream, then read back sequentially: large folios
    f.write(os.urandom(size))
os.posix_fadvise(os.open(path, os.O_RDONLY), 0, 0, os.POSIX_FADV_DONTNEED)
with open(path, 'rb') as f:
    while f.read(1 << 20):
        pass
print('read sequentially:            %7.1f KiB per touch' % per_touch(path, size))
print('  the same, MADV_RANDOM:       %7.1f KiB per touch' % per_touch(path, size, mmap.MADV_RANDOM))
fd = os.open(path, os.O_RDWR | os.O_TRUNC)   # written as LMDB commits: runs of up to 64 pages
block = os.urandom(4096 * 64)
for off in range(0, size, len(block)):
    os.pwrite(fd, block, off)
os.close(fd)
print('written in 256 KiB pwrites:   %7.1f KiB per touch' % per_touch(path, size, mmap.MADV_RANDOM))
fd = os.open(path, os.O_RDWR | os.O_TRUNC)
page = os.urandom(4096)
for off in range(0, size, 4096):
    os.pwrite(fd, page, off)
os.close(fd)
print('written in 4 KiB pwrites:     %7.1f KiB per touch' % per_touch(path, size, mmap.MADV_RANDOM))
os.unlink(path)
