#!/usr/bin/env python3
"""Times mutagen reading every file of a folder in one process, for Benchmarks/probe.sh."""
import os
import sys
import time

try:
    import mutagen
except ImportError:
    print("mutagen:       not installed (pip install mutagen)")
    sys.exit(0)

folder = sys.argv[1]
files = sorted(os.path.join(folder, name) for name in os.listdir(folder))
def read(path):
    try:
        info = mutagen.File(path)
        return info.info.length if info is not None else None
    except Exception:  # mutagen gives up on some files; that counts as a probe too
        return None

for path in files:  # warm the page cache and the imports
    read(path)
start = time.perf_counter()
for path in files:
    read(path)
seconds = time.perf_counter() - start
print(f"mutagen:       {seconds:7.3f} s  {len(files) / seconds:9.0f} files/s  {seconds / len(files) * 1000:7.3f} ms/file")
