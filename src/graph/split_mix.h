// SplitMix64: the small seeded generator behind every random choice in
// src/graph (sampled betweenness, the order Louvain and Leiden visit nodes).
// It gives the same stream on every platform, which the standard library's
// distributions do not, so a seed fixes a result everywhere.
#pragma once
#include <cstdint>

namespace dossier::graph {

struct SplitMix64 {
  uint64_t state;
  uint64_t Next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, bound), by multiply-shift (no modulo bias worth the name).
  uint32_t Below(uint32_t bound) {
    return static_cast<uint32_t>((static_cast<unsigned __int128>(Next()) * bound) >> 64);
  }
};

}  // namespace dossier::graph
