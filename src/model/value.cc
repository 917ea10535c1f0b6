#include "model/value.h"

#include <cctype>
#include <cstdlib>

#include "model/country.h"
#include "model/date.h"

namespace dossier::model {

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

NormalisedValue Normalise(PropertyType type, std::string_view raw, const Model& model) {
  NormalisedValue r;
  std::string v = type == PropertyType::kText ? std::string(raw) : CollapseSpaces(raw);
  if (type == PropertyType::kText) {
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.pop_back();
    size_t start = 0;
    while (start < v.size() && std::isspace(static_cast<unsigned char>(v[start]))) ++start;
    v.erase(0, start);
  }
  if (v.empty()) {
    r.reason = "empty value";
    return r;
  }
  switch (type) {
    case PropertyType::kDate: {
      auto d = NormaliseDate(v);
      if (!d) {
        r.reason = "'" + v + "' is not a date (expected an ISO prefix like 1960-09-07, or 07 Sep 1960)";
        return r;
      }
      r.value = *d;
      break;
    }
    case PropertyType::kCountry: {
      auto c = NormaliseCountry(v);
      if (!c) {
        r.reason = "'" + v + "' is not a country we know (use an ISO code or an English name)";
        return r;
      }
      r.value = *c;
      break;
    }
    case PropertyType::kTopic: {
      std::string lower;
      for (char c : v) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!model.IsTopic(lower)) {
        r.reason = "'" + v + "' is not a known topic";
        return r;
      }
      r.value = lower;
      break;
    }
    case PropertyType::kGender: {
      std::string lower;
      for (char c : v) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower == "m" || lower == "male" || lower == "man") r.value = "male";
      else if (lower == "f" || lower == "female" || lower == "woman") r.value = "female";
      else if (lower == "other" || lower == "x" || lower == "non-binary") r.value = "other";
      else {
        r.reason = "'" + v + "' is not a gender (male, female, other)";
        return r;
      }
      break;
    }
    case PropertyType::kNumber: {
      std::string digits;
      for (char c : v)
        if (c != ',' && c != ' ' && c != '_') digits += c;
      char* end = nullptr;
      std::strtod(digits.c_str(), &end);
      if (digits.empty() || end != digits.c_str() + digits.size()) {
        r.reason = "'" + v + "' is not a number";
        return r;
      }
      r.value = digits;
      break;
    }
    case PropertyType::kEntity: {
      if (v.find(' ') != std::string::npos || v.size() > 1024) {
        r.reason = "'" + v + "' is not an entity id (no spaces, at most 1024 bytes)";
        return r;
      }
      r.value = v;
      break;
    }
    case PropertyType::kEmail: {
      if (v.find('@') == std::string::npos) {
        r.reason = "'" + v + "' is not an e-mail address";
        return r;
      }
      r.value = v;
      break;
    }
    default:
      r.value = v;
  }
  r.ok = true;
  return r;
}

}  // namespace dossier::model
