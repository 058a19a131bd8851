#!/bin/bash
# rollup.sh PID OUT: samples /proc/PID/smaps_rollup every 0.2 s; writes the sample with the largest Rss (Rss, Anonymous, file = Rss - Anonymous, in kB)
pid=$1; out=$2; best=0
while [ -r /proc/$pid/smaps_rollup ]; do
  read rss anon < <(awk '/^Rss:/{r=$2} /^Anonymous:/{a=$2} END{print r, a}' /proc/$pid/smaps_rollup 2>/dev/null)
  if [ -n "$rss" ] && [ "$rss" -gt "$best" ]; then best=$rss; echo "rss_kb=$rss anon_kb=$anon file_kb=$((rss-anon))" > $out; fi
  sleep 0.2
done
