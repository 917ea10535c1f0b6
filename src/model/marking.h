// Dissemination markings: classification, releasability, originator, caveats.
//
// Banner syntax (the canonical print form, also what Parse accepts):
//   LEVEL[//COMPARTMENT/COMPARTMENT...][//REL TO A, B, ...|//NOFORN][//ORCON]
//        [//SOURCE PROTECTED][//TLP:COLOUR][//ORIG CODE]
// e.g. "SECRET//REL TO GBR, DEU//ORCON", "TOP SECRET//ZEUS/ATHENA//NOFORN". LEVEL
// is a name of the store's classification scheme or its initials ("TS", "S").
// Releasability codes are organisation codes or ISO 3166 alpha-3 country codes,
// upper case. Compartments (as in CAPCO's SCI control systems) are codes joined
// by '/': a reader must be read into every one. Any part that is no keyword and
// reads as codes joined by '/' is taken as the compartments, so a mistyped
// keyword restricts (the reader needs a compartment nobody holds) rather than
// loosens.
//
// TLP 2.0, the alternative scheme of the sharing communities (MISP, OpenCTI):
//   TLP:CLEAR | TLP:GREEN | TLP:AMBER | TLP:AMBER+STRICT | TLP:RED  [//SOURCE PROTECTED][//ORIG CODE]
// stands for the lowest classification level with that traffic light. TLP says
// how far a recipient may pass a thing on, not who may read it at home: every
// reader of the store sees it (the store is the recipient organisation), and the
// rules of release (share/release.h) apply the colour. A TLP part may also
// follow a classification ("CONFIDENTIAL//REL TO EST//TLP:AMBER"), as the
// highest marking of a product mixing both schemes does.
//
// Invariants: rel_to is sorted and free of duplicates; NOFORN and REL TO never
// appear together; Print(Parse(b)) is canonical and Parse(Print(m)) == m.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::model {

class ClassificationScheme {
 public:
  // UNCLASSIFIED < RESTRICTED < CONFIDENTIAL < SECRET < TOP SECRET
  static const ClassificationScheme& Default();
  // Levels lowest first; throws std::invalid_argument on empty or repeated names.
  explicit ClassificationScheme(std::vector<std::string> levels);

  // Level index by name or initials, case-insensitive; -1 if unknown.
  int Level(std::string_view name) const;
  const std::string& Name(int level) const { return levels_.at(static_cast<size_t>(level)); }
  int Highest() const { return static_cast<int>(levels_.size()) - 1; }
  const std::vector<std::string>& levels() const { return levels_; }

 private:
  std::vector<std::string> levels_;
};

class MarkingError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// TLP 2.0 colours, least restrictive first (so the highest is the max).
enum class Tlp { kNone = 0, kClear, kGreen, kAmber, kAmberStrict, kRed };
// "TLP:AMBER+STRICT" ...; "" for kNone.
std::string TlpName(Tlp tlp);
// The STIX 2.1 marking-definition id of a colour ("" for kNone).
std::string TlpStixId(Tlp tlp);

struct Marking {
  int level = 0;
  std::vector<std::string> rel_to;  // empty and !noforn: releasable to all
  bool noforn = false;              // the originator's nation only
  std::string originator;           // organisation code; "A, B" for a product of several; empty if not stated
  bool orcon = false;               // no onward release without the originator
  bool source_protected = false;    // readers outside the originator get a sanitised source
  Tlp tlp = Tlp::kNone;             // a TLP 2.0 colour, if the marking carries one
  std::vector<std::string> compartments;  // sorted, unique; a reader needs every one

  bool releasable_to_all() const { return rel_to.empty() && !noforn; }
  // Whether it restricts anything at all: above the lowest level, REL TO,
  // NOFORN, ORCON, TLP:AMBER and above, or compartments. Such a marking must name whose it is.
  bool controlled() const {
    return level > 0 || !releasable_to_all() || orcon || tlp >= Tlp::kAmber || !compartments.empty();
  }
  bool operator==(const Marking& o) const {
    return level == o.level && tlp == o.tlp && compartments == o.compartments && rel_to == o.rel_to && noforn == o.noforn && originator == o.originator &&
           orcon == o.orcon && source_protected == o.source_protected;
  }

  // Throws MarkingError whose message quotes the banner and says what is wrong.
  static Marking Parse(std::string_view banner, const ClassificationScheme& scheme = ClassificationScheme::Default());
  std::string Print(const ClassificationScheme& scheme = ClassificationScheme::Default()) const;

  // The marking a product derived from both inputs must carry: the higher
  // level, the releasability both allow, and every caveat of either.
  static Marking Highest(const Marking& a, const Marking& b);
};

}  // namespace dossier::model
