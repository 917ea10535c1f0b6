// Shared by the fuzz targets and their corpus replays: the invariant check that
// libFuzzer reports as a crash, and the replay main() that runs a target over a
// built-in corpus plus any files given on the command line (so a crash file
// found by the fuzzer can be replayed under any compiler).
#pragma once
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#define FUZZ_CHECK(cond)                                                               \
  do {                                                                                 \
    if (!(cond)) {                                                                     \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                    \
    }                                                                                  \
  } while (0)

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace dossier::fuzz {

// Runs the target over `inputs` and the files named in argv[1..]; 2 if a file
// cannot be read, else 0 (a failed invariant aborts).
inline int ReplayCorpus(const char* name, std::vector<std::string> inputs, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "cannot read %s\n", argv[i]);
      return 2;
    }
    inputs.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  for (const std::string& input : inputs)
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
  std::printf("%s: %zu inputs ok\n", name, inputs.size());
  return 0;
}

}  // namespace dossier::fuzz
