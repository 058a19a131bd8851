#!/bin/bash
# quiet.sh: the quiet-machine A/B after the year simulation
set -u
cd /tmp/mem
# 1. 50k first backup: base (d839ac9) vs main
for i in 1 2 3; do
  ./fb.sh Qbase$i /work/wt/bench/bin/mailsnap >/dev/null
  ./fb.sh Qmain$i /work/main/bin/mailsnap >/dev/null
done
# 2. 1M churn hour: old JIT thresholds (abnew, 5bdbca4) vs the chunkers-only directive (main)
cat > /tmp/mem/hour1m-ab.sh <<'EOS'
#!/bin/bash
label=$1; seed=$2; launcher=$3
export MAILSNAP_CATALOG=/tmp/bench-large/mailsnap/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=/tmp/bench-large/mailsnap/repository
java -cp /work/main/cli/target/mailsnap.jar org.mailsnap.mailgen.MailgenMain churn --seed $seed /tmp/bench-large/store > /dev/null
sync
/usr/bin/time -f "$label %e %U %S %M" -a -o /tmp/mem/hour1m-ab.txt $launcher backup --lock none /tmp/bench-large/store > /tmp/mem/hour-$label.out 2>&1
EOS
chmod +x /tmp/mem/hour1m-ab.sh
for i in 1 2 3; do
  ./hour1m-ab.sh Hold$i $((600+2*i)) /work/wt/abnew/bin/mailsnap
  ./hour1m-ab.sh Hdir$i $((601+2*i)) /work/main/bin/mailsnap
done
grep "^Q" fb.txt; cat hour1m-ab.txt
