#!/usr/bin/python3
"""The peer that tests/graph_measures_test.cc checks src/graph against: igraph.

Usage: graph_peer_measures.py EDGES [PARTITIONS] [--only NAME,NAME...]

EDGES is a text file: the node count on the first line, then one edge "a b"
per line (nodes 0..n-1). PARTITIONS, if given, holds one partition per line
(a community number per node, space separated); igraph's modularity of each is
reported, so that ours can be compared with it. --only limits the measures
computed (degree, pagerank, betweenness, closeness, constraint, multilevel),
for timing runs on big graphs.

Prints one JSON object: each measure as a list per node (NaN as null), the
modularity of igraph's community_multilevel(), "modularity_of" for the
partitions, and "seconds" taken by each measure.

Run it with Debian's /usr/bin/python3: it needs python3-igraph. When that is
missing it says so on stderr and exits 3.
"""
import json
import math
import sys
import time

try:
    import igraph
except ImportError:
    print("graph_peer_measures: python3 cannot import igraph; install Debian's python3-igraph "
          "(apt-get install python3-igraph)", file=sys.stderr)
    sys.exit(3)

MEASURES = ["degree", "pagerank", "betweenness", "closeness", "constraint", "multilevel"]


def read_edges(path):
    with open(path) as f:
        n = int(f.readline())
        edges = [tuple(map(int, line.split())) for line in f if line.strip()]
    return n, edges


def clean(values):
    """JSON has no NaN: send null."""
    return [None if isinstance(v, float) and math.isnan(v) else v for v in values]


def main(argv):
    positional = [a for a in argv if not a.startswith("--")]
    only = MEASURES
    if "--only" in argv:
        only = argv[argv.index("--only") + 1].split(",")
        positional = [a for a in positional if a != argv[argv.index("--only") + 1]]
    n, edges = read_edges(positional[0])
    g = igraph.Graph(n=n, edges=edges)
    out = {"igraph": igraph.__version__, "seconds": {}}

    def timed(name, compute):
        if name not in only:
            return
        start = time.perf_counter()
        out[name] = compute()
        out["seconds"][name] = time.perf_counter() - start

    timed("degree", g.degree)
    timed("pagerank", lambda: g.pagerank(implementation="prpack"))
    timed("betweenness", lambda: g.betweenness(directed=False))
    timed("closeness", lambda: clean(g.closeness(normalized=True)))
    timed("constraint", lambda: clean(g.constraint()))
    if "multilevel" in only:
        start = time.perf_counter()
        levels = g.community_multilevel()
        out["seconds"]["multilevel"] = time.perf_counter() - start
        out["multilevel_modularity"] = g.modularity(levels.membership) if g.ecount() else None
        out["multilevel_count"] = len(levels)
    if len(positional) > 1:
        with open(positional[1]) as f:
            partitions = [list(map(int, line.split())) for line in f if line.strip()]
        out["modularity_of"] = [g.modularity(p) if g.ecount() else None for p in partitions]
    json.dump(out, sys.stdout)
    print()


if __name__ == "__main__":
    main(sys.argv[1:])
