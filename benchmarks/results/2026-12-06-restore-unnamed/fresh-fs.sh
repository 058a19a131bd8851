#!/bin/bash
# fresh-fs.sh WORK IMAGE MOUNT LABEL...: whole-store restores of the latest snapshot of the runner's work dir WORK
# (restic = restic's repository; A, B = mailsnap launchers $LAUNCHER_A, $LAUNCHER_B), each into a brand-new ext4
# (mkfs.ext4 defaults, journal included, on the loop-mounted sparse file IMAGE of $IMAGE_SIZE, else 12G, at MOUNT):
# no restore pays for another
# one's deleted files, as on a new disk after a server is lost. Lines "label wall user sys maxrss_kb" go to
# fresh-fs.txt beside this script (or to $OUT).
set -euo pipefail
work=$1; image=$2; mnt=$3; shift 3
out="${OUT:-$(cd "$(dirname "$0")" && pwd)/fresh-fs.txt}"
for l in "$@"; do
  mountpoint -q "$mnt" && umount "$mnt"
  rm -f "$image"; truncate -s "${IMAGE_SIZE:-12G}" "$image"; mkfs.ext4 -q -F "$image"; mkdir -p "$mnt"; mount -o loop "$image" "$mnt"
  sync
  case $l in
    restic)
      RESTIC_PASSWORD=mailsnap-benchmark /usr/bin/time -f "restic %e %U %S %M" -a -o "$out" \
        restic --repo "$work/restic/repository" --cache-dir "$work/restic/cache" restore latest --target "$mnt/r" \
        >/dev/null ;;
    A|B)
      if [ "$l" = A ]; then m=$LAUNCHER_A; else m=$LAUNCHER_B; fi
      MAILSNAP_CATALOG=$work/mailsnap/catalog MAILSNAP_PASSWORD=mailsnap-benchmark \
        MAILSNAP_REPOSITORY=$work/mailsnap/repository /usr/bin/time -f "$l %e %U %S %M" -a -o "$out" \
        "$m" restore --snapshot latest --target "$mnt/r" >/dev/null ;;
  esac
  tail -1 "$out"
done
umount "$mnt"; rm -f "$image"
