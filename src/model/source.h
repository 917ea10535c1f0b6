// A source: where claims come from, and how far it can be trusted.
#pragma once
#include <string>
#include <string_view>

namespace dossier::model {

// The kinds a source may be; ParseSourceKind accepts these spellings.
inline constexpr std::string_view kSourceKinds[] = {
    "dataset", "report", "cable", "document", "human source report", "intercept summary", "open source"};

inline bool IsSourceKind(std::string_view kind) {
  for (auto k : kSourceKinds)
    if (k == kind) return true;
  return false;
}

struct Source {
  std::string id;
  std::string title;
  std::string kind = "dataset";
  std::string originator;   // organisation code; empty for public material
  std::string publisher;
  std::string url;
  std::string date;         // ISO prefix
  char reliability = 'F';   // A-F
  bool is_protected = false;
  // What readers outside the originator see instead of the identity of a
  // protected source, e.g. "a Western European service".
  std::string sanitised;
};

}  // namespace dossier::model
