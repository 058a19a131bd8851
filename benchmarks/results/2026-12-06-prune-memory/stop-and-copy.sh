#!/bin/bash
# waits for the measured mailsnap forget process: stops it, copies the repository and catalog, lets it go on,
# then every 15 s a class histogram top and the main thread
out=$1; mkdir -p $out; n=0
while true; do
  pid=$(pgrep -f "mailsnap.jar forget" | head -1)
  if [ -n "$pid" ]; then
    kill -STOP $pid
    date -u > $out/copy-start
    for d in /tmp/y2/work/mailsnap/*; do
      case "$(basename $d)" in store) ;; *) cp -a $d /tmp/y2/copy-$(basename $d);; esac
    done
    date -u > $out/copy-end
    kill -CONT $pid
    while kill -0 $pid 2>/dev/null; do
      sleep 15; n=$((n+1))
      jcmd $pid GC.class_histogram 2>/dev/null | head -25 > $out/hist-$n.txt
      jcmd $pid Thread.print 2>/dev/null | grep -A12 '"main"' > $out/main-$n.txt
      ps -o rss=,time= -p $pid >> $out/ps.txt
    done
    exit 0
  fi
  sleep 1
done
