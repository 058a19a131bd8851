#!/bin/bash
# hour.sh LABEL LAUNCHER [cold|warm]: one backup of the churned 1 M store from the state after the runner's last
# hour: a fresh copy of the catalog (evicted from the page cache for "cold"), the repository hard-linked (a backup
# only adds files); appends "LABEL wall user sys maxrss_kb majflt fs_in" to /tmp/ch/hours.txt
label=$1; launcher=$2; mode=${3:-cold}
t=/tmp/ch/t; rm -rf $t; mkdir -p $t
cp -a /tmp/ch/catalog-pristine $t/catalog
cp -al /tmp/bench-large/mailsnap/repository $t/repository
sync
if [ "$mode" = cold ]; then
python3 - <<'P'
import os,glob
for f in glob.glob("/tmp/ch/t/catalog/*/data.mdb"):
    fd=os.open(f,os.O_RDONLY); os.posix_fadvise(fd,0,0,os.POSIX_FADV_DONTNEED); os.close(fd)
P
fi
export MAILSNAP_CATALOG=$t/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=$t/repository
/usr/bin/time -f "$label-$mode %e %U %S %M %F %I" -a -o /tmp/ch/hours.txt $launcher backup --json --lock none /tmp/bench-large/store > $t/out.json 2>$t/err || { echo backup failed; cat $t/err; }
tail -1 /tmp/ch/hours.txt
