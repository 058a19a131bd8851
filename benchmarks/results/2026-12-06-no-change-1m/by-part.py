#!/usr/bin/env python3
"""by-part.py NC1.json ...: the main thread's samples of `jfr print --json --stack-depth 40` recordings, by part."""
import collections, json, sys

PARTS = [  # the first part whose key names a frame of the sample
    ("find mailboxes (MailboxFinder: lstat, readdir)", "MailboxFinder."),
    ("stat new/ and cur/ (MailboxCapture)", "MailboxCapture."),
    ("catalog reads (LMDB get, page faults)", "TxnAccess."),
    ("catalog map release (madvise)", "MappedPages."),
    ("catalog scans", "PrefixScan."),
    ("catalog and session open", "Session.open"),
    ("catalog and session open", "LmdbEnvironment.open"),
    ("repository index walk", "LocalStorage.walk"),
    ("objects written (hash, compress, encrypt, write, fsync)", "ObjectCodec."),
    ("objects written (hash, compress, encrypt, write, fsync)", "LocalStorage."),
    ("objects written (hash, compress, encrypt, write, fsync)", "BlobIdHasher."),
    ("per-mailbox bookkeeping (merge, records, tree entries)", "Backup.runMailboxes"),
    ("command line (picocli)", "Main.commandLine"),
    ("rest of the backup", "Backup.run"),
]
parts = collections.Counter()
total = 0
for name in sys.argv[1:]:
    for event in json.load(open(name))["recording"]["events"]:
        values = event["values"]
        if values.get("sampledThread", {}).get("javaName") != "main" or not values.get("stackTrace"):
            continue
        total += 1
        frames = [f"{f['method']['type']['name'].split('/')[-1]}.{f['method']['name']}" for f in values["stackTrace"]["frames"]]
        part = next((p for p, key in PARTS for f in frames if key in f), "JVM start, class loading, other")
        parts[part] += 1
runs = len(sys.argv) - 1
print(f"{total} main-thread samples (2 ms) in {runs} runs")
for part, n in parts.most_common():
    print(f"{n:5d}  {n * 2 / runs / 1000:.3f} s/run  {part}")
