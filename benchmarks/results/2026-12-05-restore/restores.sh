#!/usr/bin/env bash
# usage: [REPS="1 2"] [STEPS="whole mailbox"] [SETTLE=35] restores.sh LAUNCHER...
# Runs, one after another: restic's whole-store restore, then each launcher's (a bin/mailsnap whose directory names
# the line: /tmp/rp/base/bin/mailsnap is "ms-base"); then the same for one mailbox. Prints a line per run: wall, user
# and system CPU seconds, peak RSS, the files restored, the load average at the start.
# Each restore's output is deleted after it, followed by a sync and SETTLE seconds: ext4 without a journal (this
# machine's root) skips inodes freed in the last 30 s (dirty_expire_centisecs) when it allocates new ones, checking
# each, and a restore that followed the deletion of the previous one's 50k files spent half its CPU in that check
# (recently_deleted / find_get_block_common in the 00:24 profile), whichever tool came second.
set -euo pipefail
. /tmp/rp/env.sh
out=/tmp/rp/out; mkdir -p $out
mb=example.de/ben.meyer
snapr=$(restic snapshots --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[-1]["id"])')
run() { # name step cmd...
  local name=$1 step=$2; shift 2
  rm -rf $out/$name-$step; sync
  local load; load=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/time -v "$@" > /tmp/rp/last.out 2> /tmp/rp/last.time || { echo "FAILED $name $step"; tail -5 /tmp/rp/last.time; }
  local wall user sys rss
  wall=$(grep Elapsed /tmp/rp/last.time | awk '{print $NF}'); user=$(grep "User time" /tmp/rp/last.time | awk '{print $NF}')
  sys=$(grep "System time" /tmp/rp/last.time | awk '{print $NF}'); rss=$(grep "Maximum resident" /tmp/rp/last.time | awk '{print $NF}')
  local files; files=$(find $out/$name-$step -type f | wc -l)
  echo "$name $step wall=$wall user=$user sys=$sys rssMB=$((rss/1024)) files=$files load=[$load]"
  rm -rf $out/$name-$step; sync; sleep ${SETTLE:-35}
}
for rep in ${REPS:-1}; do
for step in ${STEPS:-whole mailbox}; do
  if [[ $step == whole ]]; then
    run restic whole restic restore $snapr --target $out/restic-whole
    for l in "$@"; do n=$(basename $(dirname $(dirname $l))); run ms-$n whole $l restore --snapshot latest --target $out/ms-$n-whole; done
  else
    run restic mailbox restic restore $snapr --target $out/restic-mailbox --include /tmp/rp/store/$mb
    for l in "$@"; do n=$(basename $(dirname $(dirname $l))); run ms-$n mailbox $l restore --snapshot latest --mailbox $mb --target $out/ms-$n-mailbox; done
  fi
done
done
