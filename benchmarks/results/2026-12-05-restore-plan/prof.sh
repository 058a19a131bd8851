#!/usr/bin/env bash
# usage: prof.sh LAUNCHER NAME [--mailbox MB]   -- async-profiler cpu profile of one restore, collapsed stacks
set -euo pipefail
. /tmp/r14/env.sh
l=$1; name=$2; shift 2
out=/tmp/r14/out/prof-$name; rm -rf $out; sync; sleep ${SETTLE:-35}
MAILSNAP_JAVA_OPTS="-agentpath:/tmp/r14/ap/linux-x64/libasyncProfiler.so=start,event=cpu,interval=5ms,threads,file=/tmp/r14/$name.collapsed,collapsed" \
  /usr/bin/time -v $l restore --snapshot latest --target $out "$@" > /tmp/r14/$name.out 2> /tmp/r14/$name.time
grep -E "Elapsed|User time|System time|Maximum resident" /tmp/r14/$name.time
rm -rf $out; sync
