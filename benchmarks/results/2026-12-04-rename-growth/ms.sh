#!/usr/bin/env bash
# ms.sh JAR REPO CATALOG args...  runs mailsnap from a jar with bin/mailsnap's JVM flags
jar="$1"; repo="$2"; cat="$3"; shift 3
export MAILSNAP_PASSWORD=bench MAILSNAP_REPOSITORY="$repo" MAILSNAP_CATALOG="$cat"
[[ -n "${PIDFILE:-}" ]] && echo $$ > "$PIDFILE"
exec java --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens java.base/sun.nio.fs=ALL-UNNAMED -Xshare:auto -Xlog:disable -Xlog:all=error:stderr ${JOPTS:--XX:+UseParallelGC -Xmx256m} -jar "$jar" "$@"
