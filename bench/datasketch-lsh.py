"""Near-duplicate baseline for `npm run bench -- dupes`: datasketch's MinHashLSH as a Python user sets it up.

    python3 bench/datasketch-lsh.py CORPUS.jsonl [--threshold 0.8] [--num-perm 128]

Per article: lower-cased word tokens of title and text, 5-word shingles, MinHash(num_perm=128) updated
with every shingle, queried against and inserted into MinHashLSH(threshold=0.8, num_perm=128). Prints
one JSON object: the in-process seconds (reading the file included, interpreter start excluded), the
article count and the candidate pairs LSH returned.

When datasketch is installed (`pip install datasketch`; Debian 12 has no package for it) it is used.
Otherwise a stand-in runs: datasketch's own algorithm re-implemented here with numpy (SHA-1 32-bit
shingle hashes, 128 permutations (a*h + b) mod (2^61 - 1), the band/row split datasketch's
_optimal_param picks for the threshold) - the same work, so a fair floor for the ratio, but not
datasketch itself; the output says which ran.
"""
import hashlib
import json
import re
import struct
import sys
import time

import numpy as np

WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text, size=5):
    words = WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


# ---- the stand-in: datasketch 1.x MinHash and MinHashLSH, same constants -------------------------
MERSENNE = np.uint64((1 << 61) - 1)
MAX_HASH = np.uint64((1 << 32) - 1)


def sha1_hash32(data):
    return struct.unpack("<I", hashlib.sha1(data).digest()[:4])[0]


class StandInMinHash:
    def __init__(self, num_perm, permutations):
        self.a, self.b = permutations
        self.hashvalues = np.full(num_perm, MAX_HASH, dtype=np.uint64)

    def update(self, value):
        hv = sha1_hash32(value)
        phv = np.bitwise_and((self.a * hv + self.b) % MERSENNE, MAX_HASH)
        self.hashvalues = np.minimum(phv, self.hashvalues)


def integrate(ys, xs):
    """Trapezoid rule (datasketch integrates with a step of 0.001)."""
    return float(np.sum((ys[1:] + ys[:-1]) * np.diff(xs)) / 2)


def optimal_param(threshold, num_perm, fp_weight=0.5, fn_weight=0.5):
    low = np.linspace(0.0, threshold, int(threshold / 0.001) + 1)
    high = np.linspace(threshold, 1.0, int((1 - threshold) / 0.001) + 1)
    best, best_err = (1, num_perm), float("inf")
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = integrate(1 - (1 - low ** r) ** b, low)
            fn = integrate((1 - high ** r) ** b, high)
            err = fp * fp_weight + fn * fn_weight
            if err < best_err:
                best, best_err = (b, r), err
    return best


class StandInLSH:
    def __init__(self, threshold, num_perm):
        self.b, self.r = optimal_param(threshold, num_perm)
        self.tables = [dict() for _ in range(self.b)]

    def _keys(self, m):
        hv = m.hashvalues
        return [bytes(hv[i * self.r:(i + 1) * self.r].byteswap().data) for i in range(self.b)]

    def query(self, m):
        found = set()
        for table, key in zip(self.tables, self._keys(m)):
            found.update(table.get(key, ()))
        return found

    def insert(self, key, m):
        for table, band in zip(self.tables, self._keys(m)):
            table.setdefault(band, []).append(key)


def main(argv):
    path = argv[1]
    threshold = float(argv[argv.index("--threshold") + 1]) if "--threshold" in argv else 0.8
    num_perm = int(argv[argv.index("--num-perm") + 1]) if "--num-perm" in argv else 128
    try:
        from datasketch import MinHash, MinHashLSH
        which = "datasketch"
    except ImportError:
        which = "stand-in (datasketch's algorithm in numpy; datasketch not installed)"
    started = time.perf_counter()
    if which == "datasketch":
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        make = lambda: MinHash(num_perm=num_perm)
    else:
        gen = np.random.RandomState(1)  # datasketch's default seed
        permutations = (
            np.array([gen.randint(1, MERSENNE, dtype=np.uint64) for _ in range(num_perm)], dtype=np.uint64),
            np.array([gen.randint(0, MERSENNE, dtype=np.uint64) for _ in range(num_perm)], dtype=np.uint64),
        )
        lsh = StandInLSH(threshold, num_perm)
        make = lambda: StandInMinHash(num_perm, permutations)
    pairs = []
    articles = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            record = json.loads(line)
            key = str(record.get("id", articles))
            m = make()
            for s in shingles(f"{record.get('title') or ''} {record.get('text') or ''}"):
                m.update(s.encode("utf-8"))
            for other in lsh.query(m):
                pairs.append([other, key])
            lsh.insert(key, m)
            articles += 1
    seconds = time.perf_counter() - started
    json.dump({"which": which, "seconds": seconds, "articles": articles, "pairs": pairs}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv)
