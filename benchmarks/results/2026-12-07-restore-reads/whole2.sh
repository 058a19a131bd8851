#!/bin/bash
# whole2.sh LAUNCHER...: whole-store restores from the S3 repository whole.sh set up, each into a new directory that
# is deleted, synced and settled for 35 s afterwards; then each launcher once more with MAILSNAP_DEBUG=1, counting
# requests and the bytes asked for by ranged reads of data packs
. /tmp/s3/env.sh
export MAILSNAP_CATALOG=/tmp/s3/catalog-whole
for L in "$@"; do
  t=/tmp/s3/whole-$RANDOM
  /usr/bin/time -f "$L %e %U %S %M" $L restore --snapshot latest --target $t 2>&1 >/dev/null | tail -1
  rm -rf $t; sync; sleep 35
done
for L in "$@"; do
  t=/tmp/s3/whole-$RANDOM
  MAILSNAP_DEBUG=1 $L restore --snapshot latest --target $t >/dev/null 2>/tmp/s3/whole-dbg.txt
  echo "$L requests $(grep -c 'Sending Request' /tmp/s3/whole-dbg.txt) range-bytes $(grep -o '^range:bytes=[0-9]*-[0-9]*' /tmp/s3/whole-dbg.txt | awk -F'[=-]' '{s+=$3-$2+1} END {print s}')"
  rm -rf $t /tmp/s3/whole-dbg.txt; sync; sleep 35
done
