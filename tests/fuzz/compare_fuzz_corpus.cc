// Runs the compare_fuzz function over a fixed corpus of hard inputs, so CI (built
// with g++, without libFuzzer) exercises it: empty input, 10,000-character strings,
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
  std::vector<std::string> c;
  const auto pair = [&](const std::string& a, const std::string& b) { c.push_back(a + "\n" + b); };
  c.push_back("");
  c.push_back("\n");
  pair("kitten", "sitting");
  pair("ca", "abc");
  pair("MARTHA", "MARHTA");
  pair("sechin igor", "igor sechin");
  pair("john fitzgerald kennedy", "j kennedy");
  pair("Сечин Игорь Иванович", "SECHIN, Igor");
  pair("محمد علي", "Mohammed Ali");
  pair("習近平", "Xi Jinping");
  pair("Ἀλέξανδρος Παπαδόπουλος", "alexandros papadopoulos");
  pair("Müller-Lüdenscheidt 😀 Ωmega ж中", "muller ludenscheidt");
  pair(std::string(10000, 'a'), std::string(10000, 'a'));
  pair(std::string(10000, 'a'), std::string(9999, 'a') + "b");
  pair(std::string(10000, 'a'), std::string(10000, 'b'));
  pair(std::string(10000, 'x'), "");
  std::string mixed;
  for (int i = 0; i < 2000; ++i) mixed += (i % 3 == 0) ? "ж" : (i % 3 == 1) ? "a" : "中";
  pair(mixed, mixed.substr(3) + "z");
  std::string words;
  for (int i = 0; i < 3000; ++i) words += (i % 7 == 0 ? "mohammed " : "al ");
  pair(words, "al mohammed");
  pair("\xff\xfe\xfd", "\xc0\x80\xed\xa0\x80\xf4\x90\x80\x80");  // invalid, overlong, surrogate, > U+10FFFF
  pair("abc\xe2\x82", "abc\xe2\x82\xac");                          // truncated sequence vs euro sign
  pair(std::string("\0\0\0", 3), std::string("\0a\0", 3));
  pair("schmidt smith thompson knight", "xavier jose gallegos jankelowicz");
  pair("schtsch shch szcz zhdzh rz ch ck", "auerbach peters moskowitz");
  pair("!!!", "   ");
  pair("a b c d e f g h i j", "j i h g f e d c b a");
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  pair(bytes, std::string(bytes.rbegin(), bytes.rend()));
  c.push_back(std::string(10000, '\xff'));
  return c;
}

}  // namespace

int main(int argc, char** argv) { return dossier::fuzz::ReplayCorpus("compare_fuzz_corpus", Corpus(), argc, argv); }
