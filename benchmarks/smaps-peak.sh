#!/usr/bin/env bash
# smaps-peak.sh PID OUT_FILE [INTERVAL_SECONDS]: samples /proc/PID/smaps until the process exits and writes the
# sample with the largest total resident size to OUT_FILE, one mapping a line (RSS kB, address range, file),
# largest first; prints that total. The memory results (benchmarks/results/*) use it to say what a peak is made of.
set -u
pid=$1; out=$2; interval=${3:-0.3}
now=$(mktemp); best=0
while kill -0 "$pid" 2>/dev/null; do
  awk '/^[0-9a-f]+-[0-9a-f]+ /{name=$6; range=$1} /^Rss:/{print $2, range, name}' "/proc/$pid/smaps" 2>/dev/null \
      | sort -rn > "$now"
  total=$(awk '{s+=$1} END {print s+0}' "$now")
  if [ "$total" -gt "$best" ]; then best=$total; cp "$now" "$out"; fi
  sleep "$interval"
done
rm -f "$now"
echo "largest sample: $best kB"
