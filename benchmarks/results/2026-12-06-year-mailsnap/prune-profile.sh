#!/bin/bash
# prune-profile.sh: forget <policy> --prune on the copy in /tmp/pp (repository and catalog copied at the pause, the
# state the measured command started from), with the largest /proc/PID/smaps sample kept and a GC log. Paths as on
# the session's machine: /work/wt-a was a worktree of main at 3dd5bee, smaps-peak.sh is benchmarks/smaps-peak.sh.
cd /tmp/pp
export MAILSNAP_CATALOG=/tmp/pp/catalog MAILSNAP_PASSWORD=year-simulation MAILSNAP_REPOSITORY=/tmp/pp/repository MAILSNAP_TZ=UTC
export MAILSNAP_JAVA_OPTS="-Xlog:gc*:file=/tmp/pp/gc.log:uptime -XX:NativeMemoryTracking=summary"
/usr/bin/time -v -o /tmp/pp/time.txt /work/wt-a/bin/mailsnap forget --keep-hourly 48 --keep-daily 30 --keep-weekly 12 --keep-monthly 12 --keep-deleted-within 90d --prune > /tmp/pp/out.txt 2>&1 &
sleep 0.5; pid=$(pgrep -n -f "mailsnap.jar forget")
bash /work/main/benchmarks/smaps-peak.sh "$pid" /tmp/pp/smaps-best.txt 0.2
wait; grep -E "Maximum resident|Elapsed|User time|System time" /tmp/pp/time.txt
