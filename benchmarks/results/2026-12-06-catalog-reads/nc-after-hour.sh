#!/bin/bash
# nc.sh LABEL LAUNCHER: a no-change backup in /tmp/ch/t (the state hour.sh left), catalog evicted from the page cache
label=$1; launcher=$2; t=/tmp/ch/t
python3 - <<'P'
import os,glob
for f in glob.glob("/tmp/ch/t/catalog/*/data.mdb"):
    fd=os.open(f,os.O_RDONLY); os.posix_fadvise(fd,0,0,os.POSIX_FADV_DONTNEED); os.close(fd)
P
export MAILSNAP_CATALOG=$t/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=$t/repository
/usr/bin/time -f "$label-nc-cold %e %U %S %M %F %I" -a -o /tmp/ch/hours.txt $launcher backup --json --lock none /tmp/bench-large/store > $t/nc.json 2>$t/nc.err || { echo backup failed; cat $t/nc.err; }
tail -1 /tmp/ch/hours.txt
