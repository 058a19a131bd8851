#!/usr/bin/env bash
# one.sh LAUNCHER LABEL [extra env]: restore ben.meyer from the initial snapshot into a fresh dir, print wall user sys rss
set -euo pipefail
L=$1; label=$2
export MAILSNAP_REPOSITORY=/tmp/bench-small/mailsnap/repository MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_CATALOG=/tmp/bench-small/mailsnap/catalog
snap=c6fb941639f6c2c9bf6b03b68fc244fa14e91507924dae07360a80c753745209
t=/tmp/rs/target-$label-$RANDOM
:
/usr/bin/time -f "$label %e %U %S %M" "$L" restore --snapshot $snap --target "$t" --mailbox example.de/ben.meyer >/dev/null 2>/tmp/rs/err-$label || { cat /tmp/rs/err-$label; exit 1; }
tail -1 /tmp/rs/err-$label
:
