#include "model/date.h"

#include <cctype>
#include <cstdio>
#include <vector>

namespace dossier::model {
namespace {

constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};

int MonthFromWord(std::string_view word) {
  if (word.size() < 3) return 0;
  std::string lower;
  for (char c : word.substr(0, 3)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (int i = 0; i < 12; ++i)
    if (kMonths[i] == lower) return i + 1;
  return 0;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

int DaysIn(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::optional<std::string> Format(int year, int month, int day) {
  if (year < 1 || year > 9999) return std::nullopt;
  char buf[48];
  if (month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", year);
    return std::string(buf);
  }
  if (month < 1 || month > 12) return std::nullopt;
  if (day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    return std::string(buf);
  }
  if (day < 1 || day > DaysIn(year, month)) return std::nullopt;
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return std::string(buf);
}

std::vector<std::string_view> Split(std::string_view s, std::string_view seps) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && seps.find(s[i]) != std::string_view::npos) ++i;
    size_t j = i;
    while (j < s.size() && seps.find(s[j]) == std::string_view::npos) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::optional<std::string> ParseIso(std::string_view s) {
  // YYYY, YYYY-MM, YYYY-MM-DD, optionally followed by T and a time.
  std::string_view date = s;
  std::string_view time;
  if (auto t = s.find_first_of("T "); t != std::string_view::npos) {
    date = s.substr(0, t);
    time = s.substr(t + 1);
  }
  auto parts = Split(date, "-");
  if (parts.empty() || parts.size() > 3 || parts[0].size() != 4) return std::nullopt;
  for (auto p : parts)
    if (!AllDigits(p) || p.size() > 4) return std::nullopt;
  int y = std::stoi(std::string(parts[0]));
  int m = parts.size() > 1 ? std::stoi(std::string(parts[1])) : 0;
  int d = parts.size() > 2 ? std::stoi(std::string(parts[2])) : 0;
  if (parts.size() > 1 && parts[1].size() != 2) return std::nullopt;
  if (parts.size() > 2 && parts[2].size() != 2) return std::nullopt;
  auto out = Format(y, m, d);
  if (!out || time.empty()) return out;
  if (parts.size() != 3) return std::nullopt;
  // Keep hh:mm:ss, drop fractions and zone (dates are claims, not clocks).
  auto hms = Split(time.substr(0, time.find_first_of(".Z+")), ":");
  if (hms.size() < 2 || hms.size() > 3) return std::nullopt;
  int limits[] = {23, 59, 59};
  std::string t = "T";
  for (size_t i = 0; i < hms.size(); ++i) {
    if (!AllDigits(hms[i]) || hms[i].size() != 2 || std::stoi(std::string(hms[i])) > limits[i]) return std::nullopt;
    if (i) t += ':';
    t += hms[i];
  }
  if (hms.size() == 2) t += ":00";
  return *out + t;
}

}  // namespace

std::optional<std::string> NormaliseDate(std::string_view text) {
  std::string_view s = text;
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  for (std::string_view prefix : {"circa ", "Circa ", "CIRCA ", "c. ", "ca. ", "approximately ", "Approximately "}) {
    if (s.substr(0, prefix.size()) == prefix) {
      s.remove_prefix(prefix.size());
      break;
    }
  }
  if (s.empty()) return std::nullopt;
  if (std::isdigit(static_cast<unsigned char>(s[0])) && s.size() >= 4 && AllDigits(s.substr(0, 4)) &&
      (s.size() == 4 || s[4] == '-'))
    return ParseIso(s);

  auto words = Split(s, " ,./");
  // "07 Sep 1960", "7 September 1960", "Sep 1960", "September 7, 1960"
  if (words.size() == 3 && AllDigits(words[0]) && MonthFromWord(words[1]) && AllDigits(words[2]) && words[2].size() == 4)
    return Format(std::stoi(std::string(words[2])), MonthFromWord(words[1]), std::stoi(std::string(words[0])));
  if (words.size() == 3 && MonthFromWord(words[0]) && AllDigits(words[1]) && AllDigits(words[2]) && words[2].size() == 4)
    return Format(std::stoi(std::string(words[2])), MonthFromWord(words[0]), std::stoi(std::string(words[1])));
  if (words.size() == 2 && MonthFromWord(words[0]) && AllDigits(words[1]) && words[1].size() == 4)
    return Format(std::stoi(std::string(words[1])), MonthFromWord(words[0]), 0);
  // "07.09.1960", "07/09/1960" (day first, as in European and UN lists); "1960/09/07".
  auto nums = Split(s, "./");
  if (nums.size() == 3 && AllDigits(nums[0]) && AllDigits(nums[1]) && AllDigits(nums[2])) {
    if (nums[2].size() == 4 && nums[0].size() <= 2 && nums[1].size() <= 2)
      return Format(std::stoi(std::string(nums[2])), std::stoi(std::string(nums[1])), std::stoi(std::string(nums[0])));
    if (nums[0].size() == 4 && nums[1].size() <= 2 && nums[2].size() <= 2)
      return Format(std::stoi(std::string(nums[0])), std::stoi(std::string(nums[1])), std::stoi(std::string(nums[2])));
  }
  return std::nullopt;
}

}  // namespace dossier::model
