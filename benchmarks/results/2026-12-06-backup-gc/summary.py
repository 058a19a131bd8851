import json, re, sys
# summary.py LABEL BASE: one line from BASE.time (/usr/bin/time -v), BASE.json (backup --json), BASE.gc (-Xlog:gc)
label, base = sys.argv[1], sys.argv[2]
t = open(base + '.time').read()
def field(name):
    return re.search(re.escape(name) + r': (.*)', t).group(1).strip()
wall = field('Elapsed (wall clock) time (h:mm:ss or m:ss)').split(':')
secs = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
j = json.loads(open(base + '.json').read().strip().splitlines()[-1])
young = full = 0
pause = 0.0
for line in open(base + '.gc'):
    m = re.search(r'Pause (Young|Full).* ([0-9.]+)ms$', line)
    if m:
        pause += float(m.group(2)) / 1000
        if m.group(1) == 'Full':
            full += 1
        else:
            young += 1
print(label, '%.2f' % secs, field('User time (seconds)'), field('System time (seconds)'),
      field('Maximum resident set size (kbytes)'), '%.1f' % j['lockHoldMaxMillis'], young, full, '%.2f' % pause)
