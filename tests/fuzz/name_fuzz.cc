// libFuzzer target for the name normaliser and the candidate index's query path:
// arbitrary bytes go through NormaliseName under every NameKind, and the result is
// filed in and queried against a small candidate index. Invariants that hold for
// any input are checked; violations abort, with or without NDEBUG.
//
//   - tokens are non-empty [a-z0-9]+, at most kMaxTokens of at most kMaxTokenChars;
//   - latin is ASCII; KeyTokens() is empty exactly when tokens are;
//   - Folded() is a fixed point: normalising it again gives the same tokens;
//   - the index: a query returns at most `limit` candidates, scores in [0, 1] and
//     non-increasing, only entities of the queried classes; a name with tokens,
//     added as an entity, is found by itself with score 1; a name with none
//     finds nothing.
//
// Built with clang as `name_fuzz` (-fsanitize=fuzzer,address); the same function
// runs over a corpus of hard inputs in the `name_fuzz_corpus` test under any
// compiler (name_fuzz_corpus.cc).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "match/candidate_index.h"
#include "match/name.h"
#include "fuzz/fuzz_support.h"


namespace {

using namespace dossier::match;

// Entities the fuzzed name competes with, one of each class.
const CandidateIndex& Background() {
  static const CandidateIndex* index = [] {
    auto* i = new CandidateIndex;
    i->Add(0, EntityClass::kPerson, NormaliseName("Igor Ivanovich Sechin", NameKind::kPerson));
    i->Add(1, EntityClass::kOrganisation, NormaliseName("ООО «Газпром экспорт»", NameKind::kOrganisation));
    i->Add(2, EntityClass::kVessel, NormaliseName("SEA STAR", NameKind::kOther));
    i->Add(3, EntityClass::kOther, NormaliseName("محمد علي", NameKind::kOther));
    i->Compact();
    return i;
  }();
  return *index;
}

void CheckName(const NormalisedName& n, NameKind kind) {
  FUZZ_CHECK(n.tokens.size() <= dossier::match::kMaxTokens);
  for (const NameToken& t : n.tokens) {
    FUZZ_CHECK(!t.text.empty() && t.text.size() <= kMaxTokenChars);
    for (char c : t.text) FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
    FUZZ_CHECK(t.weight > 0.0f && t.weight <= 1.0f);
  }
  for (char c : n.latin) FUZZ_CHECK(static_cast<unsigned char>(c) < 0x80);
  FUZZ_CHECK(n.KeyTokens().empty() == n.tokens.empty());
  const std::string folded = n.Folded();
  const NormalisedName again = NormaliseName(folded, kind);
  FUZZ_CHECK(again.Folded() == folded);
}

void CheckResult(const std::vector<Candidate>& r, std::size_t limit, ClassMask classes, const CandidateIndex& index) {
  FUZZ_CHECK(r.size() <= limit);
  for (std::size_t i = 0; i < r.size(); ++i) {
    FUZZ_CHECK(r[i].score >= 0.0f && r[i].score <= 1.0f);
    FUZZ_CHECK(i == 0 || r[i].score <= r[i - 1].score);
    FUZZ_CHECK(index.Contains(r[i].entity));
    FUZZ_CHECK(r[i].entity > 3 || (classes & MaskOf(static_cast<EntityClass>(r[i].entity))));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  for (NameKind kind : {NameKind::kPerson, NameKind::kOrganisation, NameKind::kOther}) {
    const NormalisedName n = NormaliseName(input, kind);
    CheckName(n, kind);
    for (ClassMask classes : {ClassMask{0}, MaskOf(EntityClass::kPerson), kLegalEntityClasses, kAllClasses}) {
      const auto r = Background().Query(n, classes, 5);
      CheckResult(r, 5, classes, Background());
      if (n.tokens.empty()) FUZZ_CHECK(r.empty());
    }
    CandidateIndex own;
    own.Add(0, EntityClass::kPerson, NormaliseName("Igor Ivanovich Sechin", NameKind::kPerson));
    FUZZ_CHECK(own.Add(7, EntityClass::kOther, n));
    const auto r = own.Query(n, kAllClasses, 3);
    CheckResult(r, 3, kAllClasses, own);
    if (n.tokens.empty()) {
      FUZZ_CHECK(r.empty());
    } else {
      bool found = false;
      for (const Candidate& c : r) found = found || (c.entity == 7 && c.score > 0.999f);
      FUZZ_CHECK(found);
    }
  }
  return 0;
}
