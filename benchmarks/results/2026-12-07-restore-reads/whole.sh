#!/bin/bash
# whole.sh: the 50k store into a fresh s3proxy repository (S3Serve), then whole-store restores with base and new,
# alternating, each into a new directory that is deleted, synced and settled for 35 s afterwards; the new build once
# more with MAILSNAP_DEBUG=1 to count its requests (the SDK's "Sending Request" lines)
. /tmp/s3/env.sh
export MAILSNAP_CATALOG=/tmp/s3/catalog-whole
if [ "${1:-}" = setup ]; then
  rm -rf $MAILSNAP_CATALOG
  /work/wt-head/bin/mailsnap init >/dev/null 2>&1 || { echo init failed; exit 1; }
  /usr/bin/time -f "backup %e %U %S %M" /work/wt-head/bin/mailsnap backup --lock none /tmp/bench-small/store 2>&1 | tail -1
fi
for L in /work/wt-base/bin/mailsnap /work/wt-head/bin/mailsnap /work/wt-base/bin/mailsnap /work/wt-head/bin/mailsnap; do
  t=/tmp/s3/whole-$RANDOM
  /usr/bin/time -f "$L %e %U %S %M" $L restore --snapshot latest --target $t 2>&1 >/dev/null | tail -1
  rm -rf $t; sync; sleep 35
done
t=/tmp/s3/whole-$RANDOM
MAILSNAP_DEBUG=1 /work/wt-head/bin/mailsnap restore --snapshot latest --target $t >/dev/null 2>/tmp/s3/whole-dbg.txt
echo "new requests $(grep -c 'Sending Request' /tmp/s3/whole-dbg.txt)"
rm -rf $t /tmp/s3/whole-dbg.txt
