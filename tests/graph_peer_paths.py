#!/usr/bin/python3
"""The peers that dossier's link analysis is checked against (tests/demo_test.cc on
the TrumpWorld graph as the demo's analyst sees it, tests/graph_paths_test.cc on
generated graphs): networkx for neighbourhoods and shortest paths, igraph for
betweenness and Louvain communities.

Usage: graph_peer_paths.py EDGES QUESTIONS

EDGES: the node count on the first line, then one undirected edge "a b" a line.
QUESTIONS: JSON {"sources": [node...], "hops": K, "pairs": [[a, b]...]}.
Prints JSON: {"neighbours": {source: [nodes within K hops, sorted]},
"lengths": [length or -1 per pair], "betweenness": [...], "louvain_modularity": x}.
Run with Debian's /usr/bin/python3 (python3-networkx, python3-igraph); exits 3
naming the missing package otherwise.
"""
import json
import sys

try:
    import networkx
except ImportError:
    print("graph_peer_paths: cannot import networkx; install Debian's python3-networkx", file=sys.stderr)
    sys.exit(3)
try:
    import igraph
except ImportError:
    print("graph_peer_paths: cannot import igraph; install Debian's python3-igraph", file=sys.stderr)
    sys.exit(3)


def main():
    with open(sys.argv[1]) as f:
        n = int(f.readline())
        edges = [tuple(map(int, line.split())) for line in f if line.strip()]
    with open(sys.argv[2]) as f:
        questions = json.load(f)
    g = networkx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)
    hops = questions["hops"]
    neighbours = {}
    for s in questions["sources"]:
        reached = networkx.single_source_shortest_path_length(g, s, cutoff=hops)
        neighbours[str(s)] = sorted(v for v in reached if v != s)
    lengths = []
    for a, b in questions["pairs"]:
        try:
            lengths.append(networkx.shortest_path_length(g, a, b))
        except networkx.NetworkXNoPath:
            lengths.append(-1)
    ig = igraph.Graph(n=n, edges=edges, directed=False).simplify()
    betweenness = ig.betweenness(directed=False)
    louvain = ig.community_multilevel()
    print(json.dumps({"neighbours": neighbours, "lengths": lengths, "betweenness": betweenness,
                      "louvain_modularity": louvain.modularity}))


if __name__ == "__main__":
    main()
