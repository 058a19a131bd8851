#!/bin/bash
# fresh1.sh LABEL [OPTS]: one mailsnap whole-store restore of the 50k runner's repository into a brand-new ext4
label=$1; opts=$2; img=/tmp/prof/img; mnt=/tmp/prof/mnt
mountpoint -q $mnt && umount $mnt
rm -f $img; truncate -s 12G $img; mkfs.ext4 -q -F $img; mkdir -p $mnt; mount -o loop $img $mnt; sync
MAILSNAP_JAVA_OPTS="$opts" MAILSNAP_CATALOG=/tmp/bench-small/mailsnap/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=/tmp/bench-small/mailsnap/repository /usr/bin/time -f "$label %e %U %S %M" -a -o /tmp/prof/fresh50.txt ${LAUNCHER:-/work/main/bin/mailsnap} restore --snapshot latest --target $mnt/r > /dev/null
umount $mnt; rm -f $img
tail -1 /tmp/prof/fresh50.txt
