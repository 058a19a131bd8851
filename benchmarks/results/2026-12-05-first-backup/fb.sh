#!/usr/bin/env bash
# fb.sh NAME [restic]: one first backup of the store with jars/NAME (and restic right after); prints CPU, RSS, wall, load
set -uo pipefail
name=$1; w=/work/bench-fb/runs/$name-$(date +%H%M%S); mkdir -p $w
st=/work/bench-fb/store
/work/bench-fb/ms.sh $name $w/repo $w/cat init >/dev/null 2>&1
l1=$(cut -d' ' -f1 /proc/loadavg)
/usr/bin/time -v -o $w/ms.time /work/bench-fb/ms.sh $name $w/repo $w/cat backup --lock none --json $st > $w/ms.out 2>$w/ms.err
l2=$(cut -d' ' -f1 /proc/loadavg)
f() { awk -F': ' -v f="$2" '$1 ~ f {print $2}' $1; }
cpu() { echo "$(f $1 'User time') + $(f $1 'System time')" | bc; }
echo "mailsnap $name cpu=$(cpu $w/ms.time) rss=$(( $(f $w/ms.time 'Maximum resident') / 1024 ))MB wall=$(f $w/ms.time 'Elapsed') load=$l1/$l2 exit=$(f $w/ms.time 'Exit status')"
if [[ "${2:-}" == restic ]]; then
  export RESTIC_PASSWORD=bench RESTIC_CACHE_DIR=$w/rcache
  restic init --repo $w/restic >/dev/null 2>&1
  l1=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v -o $w/r.time restic backup --repo $w/restic $st > $w/r.out 2>&1
  l2=$(cut -d' ' -f1 /proc/loadavg)
  echo "restic        cpu=$(cpu $w/r.time) rss=$(( $(f $w/r.time 'Maximum resident') / 1024 ))MB wall=$(f $w/r.time 'Elapsed') load=$l1/$l2"
  rm -rf $w/restic $w/rcache
fi
du -sm $w/repo | cut -f1 | sed 's/^/repo MB: /'
rm -rf $w/repo $w/cat
