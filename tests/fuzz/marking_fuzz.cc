// libFuzzer target for the marking parser (model/marking.h): any bytes as a
// banner either throw MarkingError or parse to a marking whose printed banner is
// canonical: it parses back to the same marking and prints the same again.
//
// Built with clang as `marking_fuzz`; `marking_fuzz_corpus` runs the same
// function over hard inputs under any compiler.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_support.h"
#include "model/marking.h"

using dossier::model::Marking;
using dossier::model::MarkingError;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string banner(reinterpret_cast<const char*>(data), size);
  Marking m;
  try {
    m = Marking::Parse(banner);
  } catch (const MarkingError&) {
    return 0;
  }
  const std::string printed = m.Print();
  Marking back;
  try {
    back = Marking::Parse(printed);
  } catch (const MarkingError&) {
    FUZZ_CHECK(!"a printed banner does not parse");
  }
  FUZZ_CHECK(back == m);
  FUZZ_CHECK(back.Print() == printed);
  FUZZ_CHECK(!(m.noforn && !m.rel_to.empty()));
  const Marking h = Marking::Highest(m, back);
  FUZZ_CHECK(h.level == m.level);
  return 0;
}
