// Internal to match/name: any script to ASCII Latin with ICU (see name.h for the
// transform chosen per script). Not a public interface.
#pragma once
#include <string>
#include <string_view>

#include "match/name.h"

namespace dossier::match::internal {

enum class Cyrillic { kAuto, kRussian, kUkrainian };

struct Latin {
  std::string text;    // ASCII only; case and punctuation kept; spaces squeezed
  std::string script;  // dominant ICU script code, "Zyyy" without letters
  bool surname_first = false;  // East Asian script: the family name comes first
};

// `utf8` may be invalid UTF-8 (bad sequences become U+FFFD and then spaces).
Latin ToLatin(std::string_view utf8, NameKind kind, Cyrillic cyrillic = Cyrillic::kAuto);

// ASCII text with runs of whitespace and control characters squeezed to one space.
std::string SqueezeAscii(std::string_view ascii);

}  // namespace dossier::match::internal
