#!/bin/bash
# ab.sh N: N alternating pairs of a 50k first backup, A = main at d187f56 (/work/wt/bench), B = the same with the overlap (/work/wt/abnew)
for i in $(seq 1 $1); do
  bash /work/main/benchmarks/results/2026-12-06-pack-spool/fb.sh A$i /work/wt/bench/bin/mailsnap
  bash /work/main/benchmarks/results/2026-12-06-pack-spool/fb.sh B$i /work/wt/abnew/bin/mailsnap
done
