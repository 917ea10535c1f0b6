#include "model/grading.h"

namespace dossier::model {

std::string_view ReliabilityLabel(char r) {
  switch (r) {
    case 'A': return "completely reliable";
    case 'B': return "usually reliable";
    case 'C': return "fairly reliable";
    case 'D': return "not usually reliable";
    case 'E': return "unreliable";
    default: return "reliability cannot be judged";
  }
}

std::string_view CredibilityLabel(int c) {
  switch (c) {
    case 1: return "confirmed by other sources";
    case 2: return "probably true";
    case 3: return "possibly true";
    case 4: return "doubtful";
    case 5: return "improbable";
    default: return "truth cannot be judged";
  }
}

}  // namespace dossier::model
