// Runs the name_fuzz function (the normaliser and the candidate index's query
// path) over a fixed corpus of hard inputs, so CI (built with g++, without
// libFuzzer) exercises it: empty input, punctuation only, 10,000-character names,
// invalid UTF-8, mixed scripts, many tokens. Extra inputs may be passed as file
// names on the command line (e.g. crashes found by the libFuzzer build).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz/fuzz_support.h"


namespace {

std::vector<std::string> Corpus() {
  std::vector<std::string> c = {
      "", " ", "!!!", "... --- ...", "\"''\"", "'", "\"", ",,,", "SECHIN, Igor Ivanovich", "Игорь Иванович Сечин",
      "ООО «Газпром экспорт»", "S.A.", "A/S", "Mr. Dr. Jr.", "JOSE ROBERTO \"ROBBIE\" ANTONIO", "O'Brien",
      "محمد بن سلمان آل سعود", "习近平", "김정은", "Αλέξης Τσίπρας", "Փաշինյան", "სააკაშვილი", "राहुल गांधी",
      "שלום", "カタカナ ひらがな", "Müller-Lüdenscheidt 😀 Ωmega ж中", "Иван 王 محمد Ωmega", "a b c d e f g",
      "\xff\xfe\xfd", "\xc0\x80\xed\xa0\x80\xf4\x90\x80\x80", "abc\xe2\x82", std::string("\0\0\0", 3),
      "ivan ivanovich", "igor sechin ivanovich", "co ltd", "ltd", "al", "bin", "jr", "1234 5678", "a"};
  c.push_back(std::string(10000, 'a'));
  c.push_back(std::string(10000, '\xff'));
  std::string words, mixed, cyr;
  for (int i = 0; i < 3000; ++i) words += (i % 7 == 0 ? "mohammed " : "al ");
  for (int i = 0; i < 3000; ++i) mixed += (i % 3 == 0) ? "ж" : (i % 3 == 1) ? "a " : "中";
  for (int i = 0; i < 2000; ++i) cyr += "Ёж ";
  c.push_back(words);
  c.push_back(mixed);
  c.push_back(cyr);
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  c.push_back(bytes);
  // Found by libFuzzer: letters merged once a legal form between them is gone made
  // a new legal form ("C SA/o Ltd W" folded to "co ltd w sa", read back as "w co llc sa").
  c.push_back(std::string("\x07\x2c\xc0\x2e\x20\x43\x20\xef\x53\x41\x2f\x6f\x20\x4c\x74\x64\x00\x00\x00\x57", 20));
  // Found by libFuzzer: "abd" compounds joined on the words as written, not in the order
  // Folded() writes them (after a comma, around a quoted nickname), and past 64 letters.
  c.push_back(std::string("\xd8\x41\x51\x74\x73\x41\x2c\x41\x63\x68\xbe\xa4\x6d\x62\x00\x41\x42\x44\x00", 19));
  c.push_back(std::string("\x61\x42\x44\xff\xff\xff\xff\xff\x09\x00\xff\xff\x00\xff\x41\x4e\x2c\x20\x4d\x6f\xff\xff\xff", 23));
  c.push_back(std::string("\x41\x42\x44\x22\x41\x4c\x41\x42\x44\x22\x41\x4c\x52", 13));
  c.push_back(std::string("\x41\x42\x44\x20\x41\x4c\x20\x52\x41\x48\x48\x4d\x41\x4a\x4f\x52\x47\x4d\x41\x4a\x4f\x52\x43\x48\x45\x53\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58", 72));
  return c;
}

}  // namespace

int main(int argc, char** argv) { return dossier::fuzz::ReplayCorpus("name_fuzz_corpus", Corpus(), argc, argv); }
