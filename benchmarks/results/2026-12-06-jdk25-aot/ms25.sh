#!/bin/bash
heap=(-Xmx256m -Xms16m -Xmn12m)
case "${1:-}" in backup) heap=(-Xmx160m -Xms16m -Xmn12m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40); jit=(-XX:Tier4InvocationThreshold=25000 -XX:Tier4MinInvocationThreshold=3000 -XX:Tier4CompileThreshold=75000 -XX:Tier4BackEdgeThreshold=200000) ;; esac
export MALLOC_ARENA_MAX=2
exec /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED --add-opens java.base/sun.nio.fs=ALL-UNNAMED -Xlog:disable -Xlog:all=error:stderr -XX:+UseSerialGC -Djnr.ffi.asm.enabled=false -Dcom.amazon.corretto.crypto.provider.useExternalLib=true -Djava.library.path=JAR.native "${heap[@]}" ${AOT:--XX:AOTCache=/tmp/churnp/app.aot} ${NOJIT:-"${jit[@]}"} ${MAILSNAP_JAVA_OPTS:-} -cp JAR org.mailsnap.cli.Main "$@"
