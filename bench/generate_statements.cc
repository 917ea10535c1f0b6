// dossier_bench_generate: writes the ingest benchmark's input, a statements
// CSV (the format `dossier ingest --format statements` reads) with exactly N
// statements, deterministic from a seed. It measures nothing itself.
//
// What it writes: persons (names in Latin letters, some also in Cyrillic,
// Greek or Arabic script; birth dates, nationalities, gender, positions),
// companies (names with the legal forms of their jurisdiction, country,
// registration numbers, incorporation dates) and ties between them
// (Ownership, Directorship, Family with a relationship, Associate), spread
// over several datasets with a few markings. Every value is valid for its
// property type in schema/ftm.json: ISO dates, lower-case alpha-2 countries.
// About 4-5 statements per entity: 10M statements make ~2M entities, ~1.5M of
// them persons and companies.
//
// Usage: dossier_bench_generate --statements N [--seed S] [--out FILE]
// Writes to standard output without --out; a summary goes to standard error.
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "names.h"
#include "rng.h"

namespace dossier::bench {
namespace {

// Datasets and the marking and credibility each one's rows carry.
struct Dataset {
  const char* id;
  const char* marking;
  int credibility_lo, credibility_hi;
};
constexpr Dataset kSanctions{"sanctions-consolidated", "UNCLASSIFIED", 2, 2};
constexpr Dataset kPep{"pep-register", "UNCLASSIFIED", 2, 3};
constexpr Dataset kRegistry{"corporate-registry", "UNCLASSIFIED", 1, 2};
constexpr Dataset kLeaks{"offshore-leaks", "UNCLASSIFIED", 3, 3};
constexpr Dataset kPartner{"partner-reports-deu", "SECRET//REL TO DEU, EST", 2, 4};
constexpr Dataset kField{"field-notes", "CONFIDENTIAL//REL TO DEU", 3, 5};

// Buffered CSV output that stops accepting rows at the limit.
class CsvOut {
 public:
  CsvOut(FILE* f, int64_t limit) : f_(f), limit_(limit) {
    buf_.reserve(1 << 20);
    buf_ = "entity_id,schema,prop,value,dataset,lang,credibility,marking\n";
  }
  ~CsvOut() { Flush(); }
  bool full() const { return rows_ >= limit_; }
  int64_t rows() const { return rows_; }
  uint64_t bytes() const { return bytes_ + buf_.size(); }

  void Row(std::string_view entity, std::string_view schema, std::string_view prop, std::string_view value,
           const Dataset& ds, std::string_view lang, Rng& rng) {
    if (full()) return;
    ++rows_;
    Field(entity, ',');
    Field(schema, ',');
    Field(prop, ',');
    Field(value, ',');
    Field(ds.id, ',');
    Field(lang, ',');
    // One row in ten leaves credibility empty: the ingest's default applies.
    if (!rng.Chance(0.1)) buf_ += static_cast<char>('0' + rng.Range(ds.credibility_lo, ds.credibility_hi));
    buf_ += ',';
    Field(ds.marking, '\n');
    if (buf_.size() > (1 << 20) - 4096) Flush();
  }

  void Flush() {
    if (buf_.empty()) return;
    if (std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size()) {
      std::perror("dossier_bench_generate: write");
      std::exit(1);
    }
    bytes_ += buf_.size();
    buf_.clear();
  }

 private:
  void Field(std::string_view v, char end) {
    if (v.find_first_of(",\"\r\n") == std::string_view::npos) {
      buf_ += v;
    } else {
      buf_ += '"';
      for (char c : v) {
        if (c == '"') buf_ += '"';
        buf_ += c;
      }
      buf_ += '"';
    }
    buf_ += end;
  }

  FILE* f_;
  int64_t limit_;
  int64_t rows_ = 0;
  uint64_t bytes_ = 0;
  std::string buf_;
};

enum Kind { kPerson, kCompany, kOwnership, kDirectorship, kFamily, kAssociate, kKinds };
constexpr const char* kKindSchema[] = {"Person", "Company", "Ownership", "Directorship", "Family", "Associate"};
constexpr const char* kKindPrefix[] = {"per-", "co-", "own-", "dir-", "fam-", "asc-"};

// What a Family tie needs to give a new relative the right family name.
struct PersonTraits {
  int64_t index = -1;
  size_t culture = 0, family = 0;
  bool female = false;
};

class Generator {
 public:
  Generator(uint64_t seed, CsvOut& out) : seed_(seed), rng_(seed), out_(out) {}

  void Run() {
    while (!out_.full()) {
      Kind kind = NextKind();
      switch (kind) {
        case kPerson: Person(); break;
        case kCompany: Company(); break;
        case kOwnership: Ownership(); break;
        case kDirectorship: Directorship(); break;
        case kFamily: Family(); break;
        case kAssociate: Associate(); break;
        default: break;
      }
    }
  }

  void Summary(FILE* f) const {
    int64_t total = 0;
    for (int k = 0; k < kKinds; ++k) total += count_[k];
    std::fprintf(f, "%" PRId64 " statements, %" PRId64 " entities (", out_.rows(), total);
    for (int k = 0; k < kKinds; ++k)
      std::fprintf(f, "%s%s %" PRId64, k ? ", " : "", kKindSchema[k], count_[k]);
    std::fprintf(f, "), %.1f MB\n", static_cast<double>(out_.bytes()) / 1e6);
  }

 private:
  Kind NextKind() {
    // Start with people and companies for the ties to name.
    if (count_[kPerson] < 8) return kPerson;
    if (count_[kCompany] < 8) return kCompany;
    static constexpr int kWeights[kKinds] = {40, 28, 12, 12, 4, 4};
    int r = static_cast<int>(rng_.Below(100));
    for (int k = 0; k < kKinds; ++k) {
      r -= kWeights[k];
      if (r < 0) return static_cast<Kind>(k);
    }
    return kPerson;
  }

  // Stable, hash-like ids, as real datasets have: a prefix and 16 hex digits.
  std::string Id(Kind kind, int64_t index) const {
    uint64_t x = seed_ ^ (static_cast<uint64_t>(kind) << 56) ^ static_cast<uint64_t>(index);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%016" PRIx64, kKindPrefix[kind], Rng::SplitMix(x));
    return buf;
  }

  // An earlier entity of `kind`: mostly uniform, sometimes one of the early
  // "hubs", so that a few entities have many ties as in real networks.
  int64_t Earlier(Kind kind) {
    uint64_t n = static_cast<uint64_t>(count_[kind]);
    if (rng_.Chance(0.25)) {
      double u = rng_.Unit();
      return static_cast<int64_t>(static_cast<double>(n) * u * u * u);
    }
    return static_cast<int64_t>(rng_.Below(n));
  }

  std::string Date(int year_lo, int year_hi, double p_year_only, double p_month_only) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = rng_.Range(year_lo, year_hi), m = rng_.Range(1, 12);
    int days = kDays[m - 1] + (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
    int d = rng_.Range(1, days);
    char buf[48];
    double u = rng_.Unit();
    if (u < p_year_only) std::snprintf(buf, sizeof buf, "%04d", y);
    else if (u < p_year_only + p_month_only) std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
  }

  std::string Digits(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += static_cast<char>('0' + rng_.Below(10));
    return s;
  }

  std::string RegistrationNumber(const std::string& country) {
    if (country == "gb") return rng_.Chance(0.9) ? "0" + Digits(7) : "SC" + Digits(6);
    if (country == "de") return (rng_.Chance(0.8) ? "HRB " : "HRA ") + Digits(rng_.Range(5, 6));
    if (country == "ru") return (rng_.Chance(0.7) ? "1" : "5") + Digits(12);  // OGRN
    if (country == "ee") return "1" + Digits(7);
    if (country == "cy") return "HE" + Digits(6);
    if (country == "ch") return "CHE-" + Digits(3) + "." + Digits(3) + "." + Digits(3);
    if (country == "fr") return Digits(9);  // SIREN
    if (country == "nl") return Digits(8);  // KvK
    if (country == "gr") return Digits(12);  // GEMI
    if (country == "lv") return "4000" + Digits(7);
    return Digits(rng_.Range(6, 8));
  }

  const Dataset& PersonDataset() {
    double u = rng_.Unit();
    return u < 0.25 ? kSanctions : u < 0.55 ? kPep : kRegistry;
  }

  // A person; `like` (when set) fixes culture and family name for a relative.
  int64_t Person(const PersonTraits* like = nullptr, int gender = -1) {
    const auto& cultures = Cultures();
    const int64_t index = count_[kPerson]++;
    const std::string id = Id(kPerson, index);
    PersonTraits t;
    t.index = index;
    t.culture = like ? like->culture : PickWeighted(rng_, cultures);
    const Culture& c = cultures[t.culture];
    t.female = gender >= 0 ? gender == 1 : rng_.Chance(0.45);
    t.family = like ? like->family : rng_.Below(c.family.size());
    const Spelling& given = rng_.Pick(t.female ? c.female : c.male);
    const Spelling& family = t.female ? c.family[t.family].female : c.family[t.family].male;

    // The middle part: a patronymic, a father's name, or a second given name.
    Spelling middle;
    if (!c.patronymic_stems.empty()) {
      if (rng_.Chance(0.75)) {
        const Spelling& stem = rng_.Pick(c.patronymic_stems);
        middle = {stem.latin + (t.female ? "na" : "ich"), stem.native + (t.female ? "на" : "ич")};
      }
    } else if (c.key == "ar") {
      if (rng_.Chance(0.5)) middle = rng_.Pick(c.male);
    } else if (rng_.Chance(0.2)) {
      middle = rng_.Pick(t.female ? c.female : c.male);
    }
    auto join = [](std::initializer_list<const std::string*> parts) {
      std::string s;
      for (const std::string* p : parts)
        if (!p->empty()) s += (s.empty() ? "" : " ") + *p;
      return s;
    };
    const std::string latin = join({&given.latin, &middle.latin, &family.latin});

    const Dataset& ds = PersonDataset();
    const char* schema = "Person";
    out_.Row(id, schema, "name", latin, ds, "", rng_);
    if (!c.lang.empty() && rng_.Chance(0.55)) {
      // Russian records often put the family name first.
      std::string native = c.key == "ru" && rng_.Chance(0.5)
                               ? join({&family.native, &given.native, &middle.native})
                               : join({&given.native, &middle.native, &family.native});
      out_.Row(id, schema, "name", native, ds, c.lang, rng_);
    }
    if (rng_.Chance(0.1)) out_.Row(id, schema, "alias", family.latin + ", " + join({&given.latin, &middle.latin}), ds, "", rng_);
    if (&ds == &kRegistry && rng_.Chance(0.6)) {
      out_.Row(id, schema, "firstName", given.latin, ds, "", rng_);
      out_.Row(id, schema, "lastName", family.latin, ds, "", rng_);
    }
    if (rng_.Chance(0.85)) out_.Row(id, schema, "birthDate", Date(1938, 2004, 0.12, 0.04), ds, "", rng_);
    if (rng_.Chance(0.15)) out_.Row(id, schema, "birthPlace", rng_.Pick(Cities()), ds, "", rng_);
    if (rng_.Chance(0.9)) {
      const std::string& first = rng_.Pick(c.nationalities);
      out_.Row(id, schema, "nationality", first, ds, "", rng_);
      const std::string& second = rng_.Pick(c.nationalities);
      if (second != first && rng_.Chance(0.3)) out_.Row(id, schema, "nationality", second, ds, "", rng_);
    }
    if (rng_.Chance(0.8)) out_.Row(id, schema, "gender", t.female ? "female" : "male", ds, "", rng_);
    if (&ds == &kPep) {
      if (rng_.Chance(0.6)) out_.Row(id, schema, "position", rng_.Pick(Positions()), ds, "", rng_);
      if (rng_.Chance(0.7)) out_.Row(id, schema, "topics", "role.pep", ds, "", rng_);
    } else if (&ds == &kSanctions && rng_.Chance(0.8)) {
      out_.Row(id, schema, "topics", "sanction", ds, "", rng_);
    }
    // What the partner service and the field add: other spellings, another
    // date of birth, a note.
    if (rng_.Chance(0.08)) {
      const Dataset& intel = kPartner;
      out_.Row(id, schema, "alias", given.latin.substr(0, 1) + ". " + family.latin, intel, "", rng_);
      if (rng_.Chance(0.5)) out_.Row(id, schema, "birthDate", Date(1938, 2004, 0.3, 0.1), intel, "", rng_);
      if (rng_.Chance(0.4)) out_.Row(id, schema, "nationality", rng_.Pick(c.nationalities), intel, "", rng_);
      if (rng_.Chance(0.3)) out_.Row(id, schema, "notes", rng_.Pick(IntelligenceNotes()), intel, "", rng_);
    }
    if (rng_.Chance(0.04)) {
      std::string alias = c.lang.empty() ? join({&given.latin, &family.latin}) : join({&given.native, &family.native});
      out_.Row(id, schema, "alias", alias, kField, c.lang, rng_);
      if (rng_.Chance(0.5)) out_.Row(id, schema, "notes", rng_.Pick(IntelligenceNotes()), kField, "", rng_);
    }
    recent_[static_cast<size_t>(index) % recent_.size()] = t;
    return index;
  }

  void Company() {
    const auto& list = Jurisdictions();
    const Jurisdiction& j = list[PickWeighted(rng_, list)];
    const int64_t index = count_[kCompany]++;
    const std::string id = Id(kCompany, index);
    const Spelling& form = rng_.Pick(j.legal_forms);
    std::string latin, native;
    if (!form.native.empty()) {
      const Spelling& adj = rng_.Pick(RussianFirmAdjectives());
      const Spelling& noun = rng_.Pick(RussianFirmNouns());
      latin = form.latin + " " + adj.latin + " " + noun.latin;
      native = form.native + " «" + adj.native + " " + noun.native + "»";
    } else {
      double u = rng_.Unit();
      std::string head;
      if (u < 0.45) {
        for (const auto& c : Cultures())
          if (c.key == j.culture) head = rng_.Pick(c.family).male.latin;
      } else if (u < 0.8) {
        head = rng_.Pick(CompanyPrefixes());
      } else {
        head = rng_.Pick(CompanyPrefixes()) + " " + rng_.Pick(CompanyPrefixes());
      }
      latin = head + " " + rng_.Pick(CompanySectors()) + " " + form.latin;
    }
    const Dataset& ds = rng_.Chance(0.8) ? kRegistry : kLeaks;
    const char* schema = "Company";
    out_.Row(id, schema, "name", latin, ds, "", rng_);
    if (!native.empty() && rng_.Chance(0.5)) out_.Row(id, schema, "name", native, ds, "rus", rng_);
    out_.Row(id, schema, "country", j.country, ds, "", rng_);
    if (rng_.Chance(0.3)) out_.Row(id, schema, "jurisdiction", j.country, ds, "", rng_);
    if (rng_.Chance(0.85)) out_.Row(id, schema, "registrationNumber", RegistrationNumber(j.country), ds, "", rng_);
    if (rng_.Chance(0.7)) out_.Row(id, schema, "incorporationDate", Date(1991, 2024, 0.05, 0.05), ds, "", rng_);
    if (rng_.Chance(0.3)) out_.Row(id, schema, "legalForm", form.latin, ds, "", rng_);
    if (rng_.Chance(0.03)) out_.Row(id, schema, "notes", rng_.Pick(IntelligenceNotes()), kPartner, "", rng_);
    if (rng_.Chance(0.02)) out_.Row(id, schema, "alias", latin, kField, "", rng_);
  }

  void Ownership() {
    const int64_t index = count_[kOwnership]++;
    const std::string id = Id(kOwnership, index);
    double u = rng_.Unit();
    const Dataset& ds = u < 0.7 ? kRegistry : u < 0.95 ? kLeaks : kPartner;
    const bool by_person = rng_.Chance(0.55);
    int64_t asset = Earlier(kCompany), owner = by_person ? Earlier(kPerson) : Earlier(kCompany);
    if (!by_person && owner == asset) owner = (asset + 1) % count_[kCompany];
    const char* schema = "Ownership";
    out_.Row(id, schema, "owner", Id(by_person ? kPerson : kCompany, owner), ds, "", rng_);
    out_.Row(id, schema, "asset", Id(kCompany, asset), ds, "", rng_);
    if (rng_.Chance(0.8)) {
      static const std::vector<std::string> kShares = {"100", "50", "51", "49", "25", "24.9", "33.3", "10", "5", "75"};
      std::string pct = rng_.Chance(0.6) ? rng_.Pick(kShares) : std::to_string(rng_.Range(1, 99)) + "." +
                                                                     std::to_string(rng_.Range(0, 9));
      out_.Row(id, schema, "percentage", pct, ds, "", rng_);
    }
    if (rng_.Chance(0.5)) out_.Row(id, schema, "startDate", Date(1995, 2024, 0.1, 0.1), ds, "", rng_);
  }

  void Directorship() {
    const int64_t index = count_[kDirectorship]++;
    const std::string id = Id(kDirectorship, index);
    const Dataset& ds = rng_.Chance(0.9) ? kRegistry : kLeaks;
    const bool corporate = rng_.Chance(0.1);
    const char* schema = "Directorship";
    out_.Row(id, schema, "director", corporate ? Id(kCompany, Earlier(kCompany)) : Id(kPerson, Earlier(kPerson)), ds,
             "", rng_);
    out_.Row(id, schema, "organization", Id(kCompany, Earlier(kCompany)), ds, "", rng_);
    if (rng_.Chance(0.8)) out_.Row(id, schema, "role", rng_.Pick(DirectorRoles()), ds, "", rng_);
    if (rng_.Chance(0.6)) out_.Row(id, schema, "startDate", Date(1995, 2024, 0.05, 0.1), ds, "", rng_);
    if (rng_.Chance(0.15)) out_.Row(id, schema, "endDate", Date(2010, 2024, 0.05, 0.1), ds, "", rng_);
  }

  // A relative of a recent person: a new person of the same family. The
  // anchor is copied: Person() reuses the ring's slots.
  void Family() {
    const PersonTraits anchor = recent_[rng_.Below(std::min<uint64_t>(recent_.size(), count_[kPerson]))];
    static const std::vector<std::pair<std::string, int>> kRelations = {
        {"spouse", -1}, {"son", 0}, {"daughter", 1}, {"brother", 0}, {"sister", 1}, {"father", 0}, {"mother", 1},
        {"nephew", 0},  {"cousin", -1}};
    const auto& [relationship, fixed_gender] = rng_.Pick(kRelations);
    int gender = fixed_gender;
    if (relationship == "spouse") gender = anchor.female ? 0 : 1;
    else if (gender < 0) gender = rng_.Chance(0.5) ? 1 : 0;
    PersonTraits like = anchor;
    // Arab women keep their own family name on marriage.
    if (relationship == "spouse" && Cultures()[anchor.culture].key == "ar")
      like.family = rng_.Below(Cultures()[anchor.culture].family.size());
    int64_t relative = Person(&like, gender);
    if (out_.full()) return;
    const int64_t index = count_[kFamily]++;
    const std::string id = Id(kFamily, index);
    double u = rng_.Unit();
    const Dataset& ds = u < 0.7 ? kPep : u < 0.9 ? kPartner : kField;
    const char* schema = "Family";
    out_.Row(id, schema, "person", Id(kPerson, anchor.index), ds, "", rng_);
    out_.Row(id, schema, "relative", Id(kPerson, relative), ds, "", rng_);
    out_.Row(id, schema, "relationship", relationship, ds, "", rng_);
  }

  void Associate() {
    const int64_t index = count_[kAssociate]++;
    const std::string id = Id(kAssociate, index);
    double u = rng_.Unit();
    const Dataset& ds = u < 0.4 ? kPep : u < 0.8 ? kPartner : kField;
    int64_t a = Earlier(kPerson), b = Earlier(kPerson);
    if (a == b) b = (a + 1) % count_[kPerson];
    const char* schema = "Associate";
    out_.Row(id, schema, "person", Id(kPerson, a), ds, "", rng_);
    out_.Row(id, schema, "associate", Id(kPerson, b), ds, "", rng_);
    if (rng_.Chance(0.7)) out_.Row(id, schema, "relationship", rng_.Pick(AssociateRelations()), ds, "", rng_);
  }

  uint64_t seed_;
  Rng rng_;
  CsvOut& out_;
  int64_t count_[kKinds] = {};
  std::vector<PersonTraits> recent_ = std::vector<PersonTraits>(1024);
};

int Usage() {
  std::fprintf(stderr, "usage: dossier_bench_generate --statements N [--seed S] [--out FILE]\n");
  return 2;
}

}  // namespace
}  // namespace dossier::bench

int main(int argc, char** argv) {
  using namespace dossier::bench;
  int64_t statements = -1;
  uint64_t seed = 20240601;
  std::string out_path;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (i + 1 >= argc) return Usage();
    if (a == "--statements") statements = std::strtoll(argv[++i], nullptr, 10);
    else if (a == "--seed") seed = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--out") out_path = argv[++i];
    else return Usage();
  }
  if (statements < 0) return Usage();
  FILE* f = out_path.empty() ? stdout : std::fopen(out_path.c_str(), "wb");
  if (!f) {
    std::perror(out_path.c_str());
    return 1;
  }
  {
    CsvOut out(f, statements);
    Generator gen(seed, out);
    gen.Run();
    out.Flush();
    gen.Summary(stderr);
  }
  if (f != stdout && std::fclose(f) != 0) {
    std::perror(out_path.c_str());
    return 1;
  }
  return 0;
}
