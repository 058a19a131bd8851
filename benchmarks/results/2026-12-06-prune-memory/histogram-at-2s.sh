#!/bin/bash
out=$1; mkdir -p $out
until pid=$(pgrep -f "mailsnap.jar forget" | head -1); [ -n "$pid" ]; do sleep 0.2; done
sleep 2; jcmd $pid GC.class_histogram 2>/dev/null | head -40 > $out/h.txt
