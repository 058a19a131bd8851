#!/bin/bash
# r1.sh LABEL LAUNCHER: restore one mailbox of the 50k runner's repository; appends "LABEL wall user sys maxrss" to /tmp/r1.txt
cd /tmp/bench-small/mailsnap && rm -rf /tmp/r1-target && sync
MAILSNAP_CATALOG=/tmp/bench-small/mailsnap/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=/tmp/bench-small/mailsnap/repository /usr/bin/time -f "$1 %e %U %S %M" -a -o /tmp/r1.txt $2 restore --snapshot b9eb315b8355b85916502492927a41952c19d01d743534252514f7f40bd85266 --target /tmp/r1-target --mailbox example.de/ben.meyer > /dev/null
tail -1 /tmp/r1.txt
