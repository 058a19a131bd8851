#!/usr/bin/env bash
# snapjar.sh NAME: copies the worktree's built jar (with its CDS archive and native dir) to jars/NAME
set -euo pipefail
src=/work/wt/firstbackup/cli/target
dst=/work/bench-fb/jars/$1
rm -rf "$dst"; mkdir -p "$dst"
cp -a "$src/mailsnap.jar" "$src/mailsnap.jar.native" "$dst/"
# record a CDS archive for this jar the way bin/mailsnap does
java --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED --add-opens java.base/sun.nio.fs=ALL-UNNAMED \
  -Xshare:auto -Xlog:disable -Xlog:all=error:stderr -XX:+UseSerialGC \
  -Dcom.amazon.corretto.crypto.provider.useExternalLib=true -Djava.library.path="$dst/mailsnap.jar.native" \
  -XX:ArchiveClassesAtExit="$dst/mailsnap.jar.jsa" -cp "$dst/mailsnap.jar" org.mailsnap.cli.StartupTraining >/dev/null 2>&1
ls -la "$dst"
