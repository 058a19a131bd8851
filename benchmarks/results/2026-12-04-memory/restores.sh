#!/usr/bin/env bash
# peak RSS and CPU of restoring one mailbox and the whole store: mailsnap (launcher's restore options) vs restic
set -u
cd /tmp/perf
T="/usr/bin/time -f %e_s_wall_%U_user_%S_sys_%M_KB"
R=/tmp/perf/mem-v3d-s96; rm -rf /tmp/perf/rs; mkdir -p /tmp/perf/rs
snap=$(ls $R/repo/snapshots | head -1)
export JOPTS="-XX:+UseSerialGC -Xmx96m -XX:TieredStopAtLevel=1" MALLOC_ARENA_MAX=2
echo "mailsnap one mailbox: $( { $T ./ms.sh mailsnap-v3e.jar $R/repo $R/cat restore --snapshot $snap --mailbox example.de/ben.meyer --target /tmp/perf/rs/m1 >/dev/null 2>/tmp/perf/rs/m1.err; } 2>&1; tail -1 /tmp/perf/rs/m1.err)"
echo "mailsnap whole store: $( { $T ./ms.sh mailsnap-v3e.jar $R/repo $R/cat restore --snapshot $snap --target /tmp/perf/rs/mall >/dev/null 2>/tmp/perf/rs/mall.err; } 2>&1; tail -1 /tmp/perf/rs/mall.err)"
export RESTIC_PASSWORD=bench RESTIC_CACHE_DIR=/tmp/perf/restic/cache
echo "restic one mailbox: $( { $T restic restore latest --repo /tmp/perf/restic/repo --target /tmp/perf/rs/r1 --include /tmp/perf/store/example.de/ben.meyer >/dev/null 2>/tmp/perf/rs/r1.err; } 2>&1; tail -1 /tmp/perf/rs/r1.err)"
echo "restic whole store: $( { $T restic restore latest --repo /tmp/perf/restic/repo --target /tmp/perf/rs/rall >/dev/null 2>/tmp/perf/rs/rall.err; } 2>&1; tail -1 /tmp/perf/rs/rall.err)"
rm -rf /tmp/perf/rs/m1 /tmp/perf/rs/mall /tmp/perf/rs/r1 /tmp/perf/rs/rall
