// Runs marking_fuzz over hard banners (and any files named on the command line).
#include <string>
#include <vector>

#include "fuzz/fuzz_support.h"

namespace {

std::vector<std::string> Corpus() {
  std::vector<std::string> c = {
      "", "/", "//", "////", "SECRET", "secret", "S", "TS", "TOP SECRET//NOFORN", "SECRET//REL TO GBR, DEU//ORCON",
      "SECRET//REL TO", "SECRET//REL TO ,,,", "SECRET//REL TO GBR//NOFORN", "SECRET//NOFORN//REL TO GBR",
      "SECRET//ORIG", "SECRET//ORIG GBR//ORIG DEU", "SECRET//SOURCE PROTECTED//ORCON//ORCON",
      "UNCLASSIFIED//REL TO gbr", "SECRET//REL TO GBR, GBR, GBR", "COSMIC TOP SECRET", "TLP:AMBER",
      "SECRET//\xff\xfe", "C//SRCPROT/SRCPROT", "S//ZEUS/ORCON", "S//NOFORN/NOFORN", std::string("SECRET\0//ORCON", 14), " SECRET // ORCON ", "SECRET//REL TO G B R",
  };
  c.push_back("SECRET//REL TO " + std::string(10000, 'A'));
  std::string many = "SECRET//REL TO ";
  for (int i = 0; i < 2000; ++i) many += "C" + std::to_string(i) + ", ";
  c.push_back(many);
  c.push_back(std::string(10000, '/'));
  return c;
}

}  // namespace

int main(int argc, char** argv) { return dossier::fuzz::ReplayCorpus("marking_fuzz_corpus", Corpus(), argc, argv); }
