#!/bin/bash
export MAILSNAP_CATALOG=/tmp/h1m/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=/tmp/h1m/repository
/work/main/bin/mailsnap init > /tmp/h1m/init.out 2>&1 || { cat /tmp/h1m/init.out; exit 1; }
/usr/bin/time -f "fb %e %U %S %M" -o /tmp/h1m/fb.time /work/main/bin/mailsnap backup --lock none /tmp/bench-large/store > /tmp/h1m/fb.out 2>/tmp/h1m/fb.err
echo rc=$? >> /tmp/h1m/fb.time
