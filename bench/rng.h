// Rng: the benchmarks' random numbers. xoshiro256** seeded through splitmix64
// gives the same stream on every platform, unlike the standard distributions,
// so a seed fixes a generated corpus everywhere.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace dossier::bench {

class Rng {
 public:
  explicit Rng(uint64_t seed) {
    for (auto& s : s_) s = SplitMix(seed);
  }
  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }
  // Uniform in [0, n); the multiply-shift keeps it unbiased enough for n << 2^64.
  uint64_t Below(uint64_t n) { return static_cast<uint64_t>((static_cast<__uint128_t>(Next()) * n) >> 64); }
  int Range(int lo, int hi) { return lo + static_cast<int>(Below(static_cast<uint64_t>(hi - lo + 1))); }
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  bool Chance(double p) { return Unit() < p; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Below(v.size())];
  }

  static uint64_t SplitMix(uint64_t& x) {
    uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

// An index into `items`, each drawn in proportion to its `weight`.
template <typename T>
size_t PickWeighted(Rng& rng, const std::vector<T>& items) {
  int total = 0;
  for (const auto& i : items) total += i.weight;
  int r = static_cast<int>(rng.Below(static_cast<uint64_t>(total)));
  for (size_t i = 0; i < items.size(); ++i) {
    r -= items[i].weight;
    if (r < 0) return i;
  }
  return items.size() - 1;
}

}  // namespace dossier::bench
