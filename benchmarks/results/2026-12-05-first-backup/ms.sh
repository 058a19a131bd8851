#!/usr/bin/env bash
# ms.sh NAME REPO CAT args... : bin/mailsnap's backup flags on jars/NAME
set -euo pipefail
d=/work/bench-fb/jars/$1; repo=$2; cat=$3; shift 3
export MAILSNAP_PASSWORD=bench MAILSNAP_REPOSITORY="$repo" MAILSNAP_CATALOG="$cat" MALLOC_ARENA_MAX=2 LC_ALL=C.UTF-8
exec java --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED --add-opens java.base/sun.nio.fs=ALL-UNNAMED \
  -Xshare:auto -Xlog:disable -Xlog:all=error:stderr -XX:+UseSerialGC \
  -Dcom.amazon.corretto.crypto.provider.useExternalLib=true -Djava.library.path="$d/mailsnap.jar.native" \
  -XX:SharedArchiveFile="$d/mailsnap.jar.jsa" ${HEAP:--Xmx160m} ${JOPTS:-} -jar "$d/mailsnap.jar" "$@"
