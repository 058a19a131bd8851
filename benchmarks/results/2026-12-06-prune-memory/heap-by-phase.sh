#!/bin/bash
out=$1; mkdir -p $out; n=0
until pid=$(pgrep -f "mailsnap.jar forget" | head -1); [ -n "$pid" ]; do sleep 0.2; done
while kill -0 $pid 2>/dev/null; do sleep 0.7; n=$((n+1)); { jcmd $pid Thread.print 2>/dev/null | grep -A30 '^"main"' | grep -m1 -o 'org.mailsnap\.[a-z]*\.[A-Za-z]*\.[a-zA-Z]*' ; jcmd $pid GC.class_histogram 2>/dev/null | grep Total; } | tr '\n' ' ' >> $out/t.txt; echo >> $out/t.txt; done
