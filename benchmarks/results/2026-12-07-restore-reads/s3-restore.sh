#!/bin/bash
# s3-restore.sh LAUNCHER...: restore example.de/ben.meyer from the S3 repository S3Serve serves, with each launcher
# in turn, into a new directory; prints "launcher wall user sys maxrss_kb".
# Set-up (once): the engine's test classpath (mvn -o -q -B -DskipTests package dependency:build-classpath -pl engine
# -am -Dmdep.outputFile=/tmp/s3/cp.txt -Dmdep.includeScope=test), then
#   CP=engine/target/test-classes:engine/target/classes:$(cat /tmp/s3/cp.txt)
#   javac -d /tmp/s3 -cp $CP S3Serve.java && java -Xmx6g -cp $CP:/tmp/s3 S3Serve > /tmp/s3/serve.out &
#   cp -a /tmp/bench-small/store/example.de/ben.meyer /tmp/s3/store/example.de/
#   (env below) mailsnap init && mailsnap backup --lock none /tmp/s3/store
export MAILSNAP_REPOSITORY=$(head -1 /tmp/s3/serve.out) AWS_ACCESS_KEY_ID=mailsnap-test-access \
    AWS_SECRET_ACCESS_KEY=mailsnap-test-secret MAILSNAP_PASSWORD=pw MAILSNAP_CATALOG=/tmp/s3/catalog AWS_REGION=us-east-1
for L in "$@"; do
    /usr/bin/time -f "$L %e %U %S %M" "$L" restore --snapshot latest --target /tmp/s3/r-$RANDOM \
        --mailbox example.de/ben.meyer 2>&1 >/dev/null | tail -1
done
