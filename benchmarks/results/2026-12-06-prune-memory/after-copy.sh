#!/bin/bash
until [ -f /tmp/y3/samples/copy-end ]; do sleep 2; done
sleep 1
/tmp/fp3.sh branch /work/wt/loctable/bin/mailsnap "-Xlog:gc:file=/tmp/fp3/branch.gc" > /tmp/fp3-branch.txt 2>&1
