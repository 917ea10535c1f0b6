#include "model/country.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "model/schema_data.h"
#include "text/fold.h"

namespace dossier::model {
namespace {

struct CountryIndex {
  std::unordered_map<std::string, std::string> by_key;  // folded name or code -> alpha-2
  std::unordered_map<std::string, std::string> names;   // alpha-2 -> English name
  std::unordered_map<std::string, std::string> alpha3;  // alpha-2 -> alpha-3

  CountryIndex() {
    const char* display_locales[] = {"en", "fr", "de", "es", "ru"};
    for (const char* const* code = icu::Locale::getISOCountries(); *code; ++code) {
      std::string alpha2 = text::Fold(*code);
      icu::Locale locale("", *code);
      std::string a3 = locale.getISO3Country();
      if (!a3.empty()) {
        alpha3[alpha2] = a3;
        by_key.emplace(text::Fold(a3), alpha2);
      }
      by_key.emplace(alpha2, alpha2);
      for (const char* dl : display_locales) {
        icu::UnicodeString name;
        locale.getDisplayCountry(icu::Locale(dl), name);
        std::string utf8;
        name.toUTF8String(utf8);
        if (std::string(dl) == "en") names[alpha2] = utf8;
        by_key.emplace(text::Fold(utf8), alpha2);
        // ICU writes "Bosnia & Herzegovina"; lists write "and".
        if (auto amp = utf8.find('&'); amp != std::string::npos)
          by_key.emplace(text::Fold(utf8.substr(0, amp) + "and" + utf8.substr(amp + 1)), alpha2);
      }
    }
    auto doc = nlohmann::json::parse(kCountriesJson);
    for (const auto& [code, name] : doc["extra_codes"].items()) {
      by_key.emplace(code, code);
      names.emplace(code, name.get<std::string>());
      by_key.emplace(text::Fold(name.get<std::string>()), code);
    }
    // Aliases override ICU where they disagree ("Congo" means the Republic).
    for (const auto& [code, aliases] : doc["aliases"].items())
      for (const auto& alias : aliases) by_key[text::Fold(alias.get<std::string>())] = code;
  }
};

const CountryIndex& Index() {
  static const CountryIndex index;
  return index;
}

}  // namespace

std::optional<std::string> NormaliseCountry(std::string_view text) {
  std::string key = text::Fold(text);
  if (key.empty()) return std::nullopt;
  const auto& idx = Index();
  auto it = idx.by_key.find(key);
  if (it != idx.by_key.end()) return it->second;
  return std::nullopt;
}

std::string CountryName(std::string_view code) {
  const auto& idx = Index();
  auto it = idx.names.find(std::string(code));
  return it == idx.names.end() ? std::string(code) : it->second;
}

std::string CountryAlpha3(std::string_view code) {
  const auto& idx = Index();
  auto it = idx.alpha3.find(std::string(code));
  return it == idx.alpha3.end() ? std::string() : it->second;
}

}  // namespace dossier::model
