#!/usr/bin/python3
"""The graph benchmark's peers: igraph (C core) and networkx (pure Python) on
the same graph dossier's link analysis runs on, so that its timings have
something to stand beside and its answers something to be checked against.

Input: the edge list of dossier_bench_graph_generate --edges (or
--visible-edges): "from to" per tie, 0-based entity numbers. The graph is
taken as undirected and simple, as graph/simple_graph.h takes it: parallel
ties are one edge, self-loops are dropped, and every entity 0..n-1 is a
node, tied or not (n from --nodes, else the largest number seen + 1).

Measured, per engine, each printed as one line
    RESULT engine=igraph op=bfs3 n=100 seconds=1.234 ...
  read         parsing the edge list (numpy) into a list of pairs, which both
               engines then take
  build        graph construction from the pairs, simplification included
  bfs3         3-hop neighbourhood sizes from K sources (the source counted)
  distances    shortest path length per pair (-1: no path), igraph by
               distances() (a BFS over the whole component per pair)
  path         the same by get_shortest_paths (igraph's BFS stopping at the
               target; networkx has only this kind, bidirectional)
  betweenness  exact betweenness, unnormalised, each unordered pair once: on
               the subgraph induced by nodes 0..B-1 (--betweenness-nodes,
               default 50000), or the whole graph with --betweenness-full
networkx gets --networkx-cap seconds per operation (default 300); an
operation that runs longer is stopped and reported as skipped, and so are
the operations that need what it did not finish. networkx is left out with
--no-networkx, or when the graph has more edges than --networkx-max-edges
(its graph takes some hundreds of bytes per edge).

The answers (igraph's; networkx's are compared with them) go to --answers
FILE as JSON, for the C++ benchmark to check it computed the same:
  {"graph": {"nodes", "edges", "edge_lines"},
   "bfs3": {"order": 3, "includes_source": true, "sources": [...], "counts": [...]},
   "distances": {"pairs": [[a, b], ...], "lengths": [...], "unreachable": -1},
   "betweenness": {"induced_on_first": B or null, "normalized": false, "values": [...]},
   "networkx_agrees": {"bfs3": true, ...}}

Sources: --sources K draws K distinct nodes with --seed (or --sources-file
FILE gives them, one number a line). Pairs: --pairs FILE, "a b" a line; with
--make-pairs K the file is first written with K random pairs.

Usage:
  /usr/bin/python3 bench/graph_peers.py EDGES --sources 100 --pairs pairs.txt \\
      [--make-pairs 1000] [--nodes N] [--answers answers.json] [--seed S] \\
      [--betweenness-nodes 50000 | --betweenness-full | --no-betweenness] \\
      [--networkx-cap 300] [--networkx-max-edges 6000000] [--no-networkx]
(python3-igraph and python3-networkx are Debian's, for /usr/bin/python3.)
"""

import argparse
import json
import math
import os
import random
import resource
import signal
import sys
import time
import warnings

import igraph as ig
import numpy as np


def result(engine, op, seconds=None, **fields):
    parts = [f"RESULT engine={engine} op={op}"]
    parts += [f"{k}={v}" for k, v in fields.items()]
    if seconds is not None:
        parts.append(f"seconds={seconds:.3f}")
    print(" ".join(parts), flush=True)


def note(message):
    print(message, file=sys.stderr, flush=True)


class Timeout(Exception):
    pass


class Cap:
    """Stops the Python code it wraps after `seconds` (SIGALRM): networkx is
    pure Python, so the alarm's exception lands between two bytecodes."""

    def __init__(self, seconds):
        self.seconds = seconds

    def __enter__(self):
        def fire(signum, frame):
            raise Timeout()

        self.previous = signal.signal(signal.SIGALRM, fire)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc):
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.previous)
        return False


def read_edges(path):
    """The pairs as an (m, 2) int64 array; numpy parses the whitespace."""
    data = np.fromfile(path, dtype=np.int64, sep=" ")
    if data.size % 2:
        sys.exit(f"{path}: an odd count of numbers ({data.size}); expected 'from to' per line")
    return data.reshape(-1, 2)


def read_numbers(path, width):
    rows = []
    with open(path) as f:
        for line_no, line in enumerate(f, 1):
            fields = line.split()
            if not fields:
                continue
            if len(fields) != width:
                sys.exit(f"{path}:{line_no}: expected {width} number(s), found '{line.strip()}'")
            rows.append([int(x) for x in fields])
    return rows


def igraph_run(n, pairs, sources, query_pairs, betweenness_n):
    answers = {}
    t = time.perf_counter()
    g = ig.Graph(n=n, edges=pairs, directed=False)
    g.simplify(multiple=True, loops=True)
    result("igraph", "build", time.perf_counter() - t, nodes=g.vcount(), edges=g.ecount())

    t = time.perf_counter()
    counts = g.neighborhood_size(vertices=sources, order=3)
    s = time.perf_counter() - t
    result("igraph", "bfs3", s, n=len(sources), per_item_ms=f"{1e3 * s / max(1, len(sources)):.3f}")
    answers["bfs3"] = counts

    lengths = []
    t = time.perf_counter()
    for a, b in query_pairs:
        d = g.distances(source=a, target=b)[0][0]
        lengths.append(-1 if math.isinf(d) else int(d))
    s = time.perf_counter() - t
    result("igraph", "distances", s, n=len(query_pairs), per_item_ms=f"{1e3 * s / max(1, len(query_pairs)):.3f}")
    answers["distances"] = lengths

    # The same lengths by get_shortest_paths, whose BFS stops at the target
    # (distances() explores the source's whole component): the fair peer of a
    # point-to-point query.
    path_lengths = []
    t = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # "couldn't reach some vertices"
        for a, b in query_pairs:
            path = g.get_shortest_paths(a, to=b, output="vpath")[0]
            path_lengths.append(len(path) - 1 if path else -1)
    s = time.perf_counter() - t
    result("igraph", "path", s, n=len(query_pairs), per_item_ms=f"{1e3 * s / max(1, len(query_pairs)):.3f}")
    if path_lengths != lengths:
        sys.exit("igraph's get_shortest_paths and distances() disagree")

    if betweenness_n is not None:
        t = time.perf_counter()
        sub = g if betweenness_n >= n else g.induced_subgraph(range(betweenness_n))
        values = sub.betweenness(directed=False)
        result("igraph", "betweenness", time.perf_counter() - t, nodes=sub.vcount(), edges=sub.ecount())
        answers["betweenness"] = values
    answers["edges"] = g.ecount()
    return answers


def networkx_run(n, pairs, sources, query_pairs, betweenness_n, cap, reference):
    """networkx's answers compared with igraph's; {op: True/False/None (not run)}."""
    import networkx as nx

    agrees = {"bfs3": None, "distances": None, "betweenness": None}
    try:
        t = time.perf_counter()
        with Cap(cap):
            g = nx.Graph()
            g.add_nodes_from(range(n))
            g.add_edges_from(pairs)
            g.remove_edges_from(list(nx.selfloop_edges(g)))
        result("networkx", "build", time.perf_counter() - t, nodes=g.number_of_nodes(), edges=g.number_of_edges())
    except Timeout:
        result("networkx", "build", skipped="cap", cap_seconds=cap)
        note(f"networkx: building the graph took more than {cap} s; nothing else run with networkx")
        return agrees

    try:
        t = time.perf_counter()
        with Cap(cap):
            counts = [len(nx.single_source_shortest_path_length(g, s, cutoff=3)) for s in sources]
        s = time.perf_counter() - t
        result("networkx", "bfs3", s, n=len(sources), per_item_ms=f"{1e3 * s / max(1, len(sources)):.3f}")
        agrees["bfs3"] = counts == reference["bfs3"]
    except Timeout:
        result("networkx", "bfs3", skipped="cap", cap_seconds=cap)
        note(f"networkx: 3-hop neighbourhoods stopped at the cap of {cap} s")

    try:
        t = time.perf_counter()
        lengths = []
        with Cap(cap):
            for a, b in query_pairs:
                try:
                    lengths.append(nx.shortest_path_length(g, a, b))
                except nx.NetworkXNoPath:
                    lengths.append(-1)
        s = time.perf_counter() - t
        result("networkx", "path", s, n=len(query_pairs),
               per_item_ms=f"{1e3 * s / max(1, len(query_pairs)):.3f}")
        agrees["distances"] = lengths == reference["distances"]
    except Timeout:
        result("networkx", "path", skipped="cap", cap_seconds=cap, done=len(lengths))
        note(f"networkx: shortest paths stopped at the cap of {cap} s after {len(lengths)} pairs")

    if betweenness_n is not None:
        try:
            t = time.perf_counter()
            with Cap(cap):
                sub = g if betweenness_n >= n else nx.Graph(g.subgraph(range(betweenness_n)))
                values = nx.betweenness_centrality(sub, normalized=False)
            result("networkx", "betweenness", time.perf_counter() - t, nodes=sub.number_of_nodes(),
                   edges=sub.number_of_edges())
            ref = reference["betweenness"]
            agrees["betweenness"] = all(math.isclose(values[v], ref[v], rel_tol=1e-9, abs_tol=1e-6)
                                        for v in range(len(ref)))
        except Timeout:
            result("networkx", "betweenness", skipped="cap", cap_seconds=cap)
            note(f"networkx: betweenness stopped at the cap of {cap} s")
    return agrees


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("edges", help="edge list: 'from to' per line")
    p.add_argument("--nodes", type=int, help="node count (default: largest number seen + 1)")
    p.add_argument("--sources", type=int, default=100, help="BFS sources to draw (default 100)")
    p.add_argument("--sources-file", help="BFS sources, one number a line (instead of drawing them)")
    p.add_argument("--pairs", required=True, help="pairs for shortest path lengths, 'a b' a line")
    p.add_argument("--make-pairs", type=int, help="first write this many random pairs to --pairs")
    p.add_argument("--seed", type=int, default=20240601)
    p.add_argument("--answers", help="write the answers here as JSON")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--betweenness-nodes", type=int, default=50000,
                   help="betweenness on the subgraph induced by nodes 0..B-1 (default 50000)")
    g.add_argument("--betweenness-full", action="store_true", help="betweenness on the whole graph")
    g.add_argument("--no-betweenness", action="store_true")
    p.add_argument("--networkx-cap", type=float, default=300.0, help="seconds per networkx operation (default 300)")
    p.add_argument("--networkx-max-edges", type=int, default=6_000_000,
                   help="leave networkx out above this many edges (default 6M)")
    p.add_argument("--no-networkx", action="store_true")
    args = p.parse_args()

    t = time.perf_counter()
    edges = read_edges(args.edges)
    if edges.size and edges.min() < 0:
        sys.exit(f"{args.edges}: negative node number")
    seen = int(edges.max()) + 1 if edges.size else 0
    n = args.nodes if args.nodes is not None else seen
    if n < seen:
        sys.exit(f"--nodes {n}, but the edge list names node {seen - 1}")
    pairs = edges.tolist()  # what both engines take; parallel ties and loops still in
    result("python", "read", time.perf_counter() - t, edge_lines=len(pairs), nodes=n)

    rng = random.Random(args.seed)
    if args.sources_file:
        sources = [row[0] for row in read_numbers(args.sources_file, 1)]
    else:
        sources = rng.sample(range(n), min(args.sources, n))
    if args.make_pairs:
        with open(args.pairs, "w") as f:
            for _ in range(args.make_pairs):
                f.write(f"{rng.randrange(n)} {rng.randrange(n)}\n")
    if not os.path.exists(args.pairs):
        sys.exit(f"{args.pairs}: no such file (write random pairs with --make-pairs K)")
    query_pairs = [tuple(row) for row in read_numbers(args.pairs, 2)]
    for v in sources + [x for pair in query_pairs for x in pair]:
        if not 0 <= v < n:
            sys.exit(f"node {v} is not in the graph (0..{n - 1})")

    if args.no_betweenness:
        betweenness_n = None
    elif args.betweenness_full:
        betweenness_n = n
    else:
        betweenness_n = min(args.betweenness_nodes, n)

    reference = igraph_run(n, pairs, sources, query_pairs, betweenness_n)

    agrees = {}
    if args.no_networkx:
        note("networkx: left out (--no-networkx)")
    elif reference["edges"] > args.networkx_max_edges:
        result("networkx", "build", skipped="max_edges", edges=reference["edges"], max_edges=args.networkx_max_edges)
        note(f"networkx: left out, {reference['edges']} edges > --networkx-max-edges {args.networkx_max_edges}")
    else:
        agrees = networkx_run(n, pairs, sources, query_pairs, betweenness_n, args.networkx_cap, reference)
        for op, ok in agrees.items():
            if ok is not None:
                result("networkx", "check", of=op, agrees_with_igraph="yes" if ok else "NO")

    result("python", "peak_rss", mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)

    if args.answers:
        doc = {
            "graph": {"nodes": n, "edges": reference["edges"], "edge_lines": len(pairs)},
            "bfs3": {"order": 3, "includes_source": True, "sources": sources, "counts": reference["bfs3"]},
            "distances": {"pairs": [list(pr) for pr in query_pairs], "lengths": reference["distances"],
                          "unreachable": -1},
            "networkx_agrees": agrees,
        }
        if betweenness_n is not None:
            doc["betweenness"] = {"induced_on_first": None if betweenness_n >= n else betweenness_n,
                                  "normalized": False, "values": reference["betweenness"]}
        with open(args.answers, "w") as f:
            json.dump(doc, f)
        note(f"answers written to {args.answers}")
    if any(ok is False for ok in agrees.values()):
        sys.exit("networkx and igraph disagree (see the check lines)")


if __name__ == "__main__":
    main()
