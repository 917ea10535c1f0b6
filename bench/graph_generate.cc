// dossier_bench_graph_generate: writes the graph benchmark's input, a
// statements CSV (the format `dossier ingest --format statements` reads) of N
// entities and M ties with a heavy-tailed degree distribution, deterministic
// from a seed; and beside it the same graph as a plain edge list for the peers
// (bench/graph_peers.py: igraph and networkx). It measures nothing itself.
//
// What it writes:
// - N entities, 0..N-1 in the order written: persons (60%) and companies,
//   each with a name, companies with a country, some with topics (sanction,
//   role.pep, gov.national, gov.soe).
// - M ties, each a tie entity with its two end statements (the value is the
//   end's entity id), a startDate, sometimes an endDate and a role,
//   relationship or percentage: Ownership owner/asset, Directorship
//   director/organization, Membership member/organization (person or company
//   to company), Family person/relative, Associate person/associate (person
//   to person), UnknownLink subject/object (any to any).
// - Ends are drawn from a Zipf-like law over a random ranking of the
//   entities of the end's class (the entity of rank r is drawn with weight
//   r^-zipf), so degrees are heavy-tailed, with hubs of tens of thousands of
//   ties at 1M/5M, while the least drawn entities still have a few. Ties
//   never join an entity to itself; two ties may join the same pair.
// - Every entity and tie is told by one source, all its rows with one marking.
//   The sources (write them with --sources FILE and ingest that first) have
//   different reliability: sanctions-list A, corporate-registry B,
//   pep-register B, offshore-leaks C, westint-reporting B and westint-humint D
//   (protected) from WESTINT (DEU), baltsec-field C from BALTSEC (EST).
//   Public sources are UNCLASSIFIED. WESTINT's rows are
//   SECRET//REL TO DEU, EST, SECRET//NOFORN or TOP SECRET//REL TO DEU, EST;
//   BALTSEC's CONFIDENTIAL//REL TO DEU, EST. With the principals of the demo
//   (an analyst of WESTINT cleared TOP SECRET, and "baltic" of BALTSEC cleared
//   SECRET), the analyst sees everything and baltic not the NOFORN and TOP
//   SECRET rows, nor the ties to an entity it cannot see: at 1M/5M about 89%
//   of the statements, 94% of the entities and 79% of the ties (the hidden
//   entities include hubs). The summary on standard error gives the shares.
//
// Beside the CSV, for the peers (0-based entity numbers, in the order the
// entities were written):
//   --edges FILE          "from to" per tie, in tie order, from = the tie's
//                         first end (owner, director, member, person, subject)
//   --visible-edges FILE  the same for the ties baltic sees
//   --ids FILE            "index id" per entity
//   --sources FILE        the sources as TOML, for `ingest --format sources`
//
// Usage:
//   dossier_bench_graph_generate [--entities N] [--ties M] [--seed S]
//       [--zipf A] [--out FILE] [--edges FILE] [--visible-edges FILE]
//       [--ids FILE] [--sources FILE]
// Defaults: 1,000,000 entities, 5,000,000 ties, zipf 0.75. The CSV goes to
// standard output without --out; progress and a summary go to standard error.
//
// To load it (the principals as in the demo):
//   dossier --store g.db init
//   dossier --store g.db ingest --format sources graph-sources.toml
//   dossier --store g.db ingest --format statements graph.csv
//   dossier --store g.db principals add-org WESTINT --country DEU
//   dossier --store g.db principals add-org BALTSEC --country EST
//   dossier --store g.db principals add-user analyst --org WESTINT --clearance "TOP SECRET" --role admin
//   dossier --store g.db --as analyst principals add-user baltic --org BALTSEC --clearance SECRET
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "bench_util.h"
#include "names.h"
#include "rng.h"

namespace dossier::bench {
namespace {

// --- Sources and markings ------------------------------------------------------

struct Source {
  const char* id;
  const char* title;
  const char* kind;
  char reliability;
  const char* originator;  // "" for public material
  const char* sanitised;   // non-empty: a protected source
  int credibility_lo, credibility_hi;
};
enum SourceId { kSanctions, kRegistry, kPep, kLeaks, kWestReporting, kWestHumint, kBaltField, kSources };
constexpr Source kSourceTable[kSources] = {
    {"sanctions-list", "Consolidated sanctions list", "dataset", 'A', "", "", 1, 2},
    {"corporate-registry", "Corporate registries", "dataset", 'B', "", "", 1, 3},
    {"pep-register", "PEP register", "dataset", 'B', "", "", 2, 3},
    {"offshore-leaks", "Offshore leaks", "document", 'C', "", "", 2, 4},
    {"westint-reporting", "WESTINT finished reporting", "report", 'B', "WESTINT", "", 2, 3},
    {"westint-humint", "WESTINT human source reporting", "human source report", 'D', "WESTINT",
     "a Western European service's human source", 3, 5},
    {"baltsec-field", "BALTSEC field reporting", "report", 'C', "BALTSEC", "", 2, 4},
};

// The markings rows carry, and whether baltic (BALTSEC, EST, cleared SECRET)
// may read them: UNCLASSIFIED and REL TO EST below TOP SECRET, yes; NOFORN of
// a German originator and TOP SECRET, no.
enum MarkingId { kUnclassified, kSecretRel, kSecretNoforn, kTopSecretRel, kConfidentialBalt, kMarkings };
constexpr const char* kMarkingBanner[kMarkings] = {
    "UNCLASSIFIED",
    "SECRET//REL TO DEU, EST//ORIG WESTINT",
    "SECRET//NOFORN//ORIG WESTINT",
    "TOP SECRET//REL TO DEU, EST//ORIG WESTINT",
    "CONFIDENTIAL//REL TO DEU, EST//ORIG BALTSEC",
};
constexpr bool kBalticSees[kMarkings] = {true, true, false, false, true};

struct Provenance {
  SourceId source;
  MarkingId marking;
};

// A source drawn with the given weights (percent, any total), then a marking
// the source gives.
Provenance DrawProvenance(Rng& rng, std::initializer_list<std::pair<SourceId, int>> weights) {
  int total = 0;
  for (const auto& w : weights) total += w.second;
  int r = static_cast<int>(rng.Below(static_cast<uint64_t>(total)));
  SourceId source = weights.begin()->first;
  for (const auto& w : weights) {
    if (r < w.second) {
      source = w.first;
      break;
    }
    r -= w.second;
  }
  switch (source) {
    case kWestReporting: {
      double u = rng.Unit();
      return {source, u < 0.5 ? kSecretRel : u < 0.82 ? kSecretNoforn : kTopSecretRel};
    }
    case kWestHumint: return {source, kSecretNoforn};
    case kBaltField: return {source, kConfidentialBalt};
    default: return {source, kUnclassified};
  }
}

// --- Output ----------------------------------------------------------------------

// Buffered writing to a FILE, failing loudly.
class Out {
 public:
  Out(FILE* f, const char* what) : f_(f), what_(what) {
    if (f_) buf_.reserve(kFlushAt + 4096);
  }
  bool open() const { return f_ != nullptr; }
  ~Out() { Flush(); }
  std::string& buf() { return buf_; }
  void Maybe() {
    if (buf_.size() >= kFlushAt) Flush();
  }
  void Flush() {
    if (!f_ || buf_.empty()) return;
    if (std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size()) {
      std::perror(what_);
      std::exit(1);
    }
    bytes_ += buf_.size();
    buf_.clear();
  }
  uint64_t bytes() const { return bytes_ + buf_.size(); }

 private:
  static constexpr size_t kFlushAt = 1 << 20;
  FILE* f_;
  const char* what_;
  std::string buf_;
  uint64_t bytes_ = 0;
};

void AppendUnsigned(std::string& s, uint64_t v) {
  char tmp[24];
  int n = 0;
  do {
    tmp[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v);
  while (n) s += tmp[--n];
}

void AppendCsvField(std::string& s, std::string_view v) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos) {
    s += v;
    return;
  }
  s += '"';
  for (char c : v) {
    if (c == '"') s += '"';
    s += c;
  }
  s += '"';
}

// --- The graph -------------------------------------------------------------------

enum EntityClass : uint8_t { kPerson, kCompany };

enum TieKind { kOwnership, kDirectorship, kMembership, kFamily, kAssociate, kUnknownLink, kTieKinds };
struct TieSchema {
  const char* schema;
  const char* from_prop;
  const char* to_prop;
  const char* prefix;
  int weight;  // percent of ties
};
constexpr TieSchema kTies[kTieKinds] = {
    {"Ownership", "owner", "asset", "own-", 30},       {"Directorship", "director", "organization", "dir-", 22},
    {"Membership", "member", "organization", "mem-", 8}, {"Family", "person", "relative", "fam-", 10},
    {"Associate", "person", "associate", "asc-", 18},  {"UnknownLink", "subject", "object", "unk-", 12},
};

struct Options {
  int64_t entities = 1'000'000;
  int64_t ties = 5'000'000;
  uint64_t seed = 20240601;
  double zipf = 0.75;
  std::string out, edges, visible_edges, ids, sources;
};

class Generator {
 public:
  explicit Generator(const Options& o) : o_(o), rng_(o.seed) {}

  void Run(FILE* csv, FILE* edges, FILE* visible_edges, FILE* ids) {
    Out out(csv, "statements"), edge_out(edges, "edges"), visible_out(visible_edges, "visible edges"),
        id_out(ids, "ids");
    out.buf() = "entity_id,schema,prop,value,dataset,credibility,marking\n";
    Entities(out, id_out);
    Ties(out, edge_out, visible_out);
  }

  void Summary(FILE* f) const {
    auto pct = [](int64_t part, int64_t whole) { return whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0; };
    std::fprintf(f,
                 "%" PRId64 " entities (%" PRId64 " persons, %" PRId64 " companies), %" PRId64 " ties, %" PRId64
                 " statements, %.1f MB in %.1f s\n",
                 o_.entities, static_cast<int64_t>(persons_.size()), static_cast<int64_t>(companies_.size()), o_.ties,
                 rows_, static_cast<double>(csv_bytes_) / 1e6, clock_.Seconds());
    std::fprintf(f, "ties:");
    for (int k = 0; k < kTieKinds; ++k) std::fprintf(f, " %s %" PRId64, kTies[k].schema, tie_count_[k]);
    std::fprintf(f, "\ndegree: max %" PRIu32 " (entity %" PRIu32 "), %" PRId64 " entities without ties\n", max_degree_,
                 max_degree_entity_, isolated_);
    std::fprintf(f, "baltic sees %.1f%% of the statements, %.1f%% of the entities, %.1f%% of the ties\n",
                 pct(visible_rows_, rows_), pct(visible_entities_, o_.entities), pct(visible_ties_, o_.ties));
  }

 private:
  void Row(std::string& s, std::string_view entity, const char* schema, const char* prop, std::string_view value,
           Provenance p) {
    const Source& src = kSourceTable[p.source];
    AppendCsvField(s, entity);
    s += ',';
    s += schema;
    s += ',';
    s += prop;
    s += ',';
    AppendCsvField(s, value);
    s += ',';
    s += src.id;
    s += ',';
    // One row in ten leaves credibility empty: the ingest's default applies.
    if (!rng_.Chance(0.1)) s += static_cast<char>('0' + rng_.Range(src.credibility_lo, src.credibility_hi));
    s += ',';
    AppendCsvField(s, kMarkingBanner[p.marking]);
    s += '\n';
    ++rows_;
    visible_rows_ += kBalticSees[p.marking];
  }

  // Stable, hash-like ids, as real datasets have: a prefix and 16 hex digits.
  void AppendId(std::string& s, const char* prefix, uint64_t salt, uint64_t index) const {
    uint64_t x = o_.seed ^ (salt << 56) ^ index;
    uint64_t h = Rng::SplitMix(x);
    s += prefix;
    static constexpr char kHex[] = "0123456789abcdef";
    for (int shift = 60; shift >= 0; shift -= 4) s += kHex[(h >> shift) & 0xF];
  }
  void AppendEntityId(std::string& s, uint32_t entity) const {
    if (class_[entity] == kPerson) AppendId(s, "per-", 1, entity);
    else AppendId(s, "co-", 2, entity);
  }

  std::string Date(int year_lo, int year_hi, int* year_out = nullptr) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = rng_.Range(year_lo, year_hi), m = rng_.Range(1, 12);
    int d = rng_.Range(1, kDays[m - 1] + (m == 2 && y % 4 == 0));
    if (year_out) *year_out = y;
    char buf[48];
    double u = rng_.Unit();
    if (u < 0.1) std::snprintf(buf, sizeof buf, "%04d", y);
    else if (u < 0.2) std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
  }

  void Entities(Out& out, Out& id_out) {
    const auto& cultures = Cultures();
    const auto& jurisdictions = Jurisdictions();
    class_.resize(static_cast<size_t>(o_.entities));
    visible_.resize(static_cast<size_t>(o_.entities));
    std::string id, name;
    for (int64_t i = 0; i < o_.entities; ++i) {
      const uint32_t e = static_cast<uint32_t>(i);
      const bool person = rng_.Chance(0.6);
      class_[e] = person ? kPerson : kCompany;
      (person ? persons_ : companies_).push_back(e);
      id.clear();
      AppendEntityId(id, e);
      std::string& s = out.buf();
      Provenance p;
      if (person) {
        p = DrawProvenance(rng_, {{kSanctions, 8}, {kPep, 18}, {kRegistry, 56}, {kLeaks, 5}, {kWestReporting, 7},
                        {kWestHumint, 3}, {kBaltField, 3}});
        const Culture& c = cultures[PickWeighted(rng_, cultures)];
        const bool female = rng_.Chance(0.45);
        const FamilyName& family = rng_.Pick(c.family);
        name = rng_.Pick(female ? c.female : c.male).latin;
        if (rng_.Chance(0.15)) name += " " + rng_.Pick(female ? c.female : c.male).latin;
        name += " " + (female ? family.female : family.male).latin;
        Row(s, id, "Person", "name", name, p);
        if (p.source == kSanctions && rng_.Chance(0.9)) Row(s, id, "Person", "topics", "sanction", p);
        if (p.source == kPep) {
          if (rng_.Chance(0.7)) Row(s, id, "Person", "topics", "role.pep", p);
          if (rng_.Chance(0.2)) Row(s, id, "Person", "topics", "gov.national", p);
        }
        if (p.source == kWestReporting && rng_.Chance(0.3)) Row(s, id, "Person", "topics", "sanction", p);
      } else {
        p = DrawProvenance(rng_, {{kSanctions, 3}, {kRegistry, 70}, {kLeaks, 15}, {kWestReporting, 6}, {kWestHumint, 2},
                        {kBaltField, 4}});
        const Jurisdiction& j = jurisdictions[PickWeighted(rng_, jurisdictions)];
        double u = rng_.Unit();
        if (u < 0.4) {
          name.clear();
          for (const auto& c : cultures)
            if (c.key == j.culture) name = rng_.Pick(c.family).male.latin;
          if (name.empty()) name = rng_.Pick(CompanyPrefixes());
        } else {
          name = rng_.Pick(CompanyPrefixes());
          if (u > 0.8) name += " " + rng_.Pick(CompanyPrefixes());
        }
        name += " " + rng_.Pick(CompanySectors()) + " " + rng_.Pick(j.legal_forms).latin;
        Row(s, id, "Company", "name", name, p);
        if (rng_.Chance(0.6)) Row(s, id, "Company", "country", j.country, p);
        if (p.source == kSanctions) Row(s, id, "Company", "topics", "sanction", p);
        else if (rng_.Chance(0.01)) Row(s, id, "Company", "topics", "gov.soe", p);
      }
      visible_[e] = kBalticSees[p.marking];
      visible_entities_ += visible_[e];
      out.Maybe();
      if (id_out.open()) {
        std::string& ids = id_out.buf();
        AppendUnsigned(ids, e);
        ids += ' ';
        ids += id;
        ids += '\n';
        id_out.Maybe();
      }
    }
    csv_bytes_ = out.bytes();
    Progress("entities", o_.entities, o_.entities);
    // Hubs spread over the whole file: rank r of a class is a random entity.
    for (auto* v : {&persons_, &companies_})
      for (size_t i = v->size(); i > 1; --i) std::swap((*v)[i - 1], (*v)[rng_.Below(i)]);
  }

  // The entity of a Zipf-drawn rank in a class: ranks r in [1, n] with weight
  // r^-a, by inverting the continuous law's distribution function.
  uint32_t DrawEnd(EntityClass c) {
    const std::vector<uint32_t>& v = c == kPerson ? persons_ : companies_;
    const double n = static_cast<double>(v.size());
    const double a = o_.zipf, b = 1.0 - a;
    double x;
    if (std::abs(b) < 1e-9) x = std::exp(rng_.Unit() * std::log(n + 1.0));
    else x = std::pow(1.0 + rng_.Unit() * (std::pow(n + 1.0, b) - 1.0), 1.0 / b);
    size_t rank = std::min(static_cast<size_t>(x) - 1, v.size() - 1);
    return v[rank];
  }
  EntityClass AnyClass() {
    return rng_.Below(static_cast<uint64_t>(o_.entities)) < persons_.size() ? kPerson : kCompany;
  }

  void Ties(Out& out, Out& edge_out, Out& visible_out) {
    if (o_.ties > 0 && (persons_.size() < 2 || companies_.size() < 2)) {
      std::fprintf(stderr, "dossier_bench_graph_generate: too few entities for ties\n");
      std::exit(2);
    }
    std::vector<uint32_t> degree(static_cast<size_t>(o_.entities));
    std::string id, value;
    for (int64_t t = 0; t < o_.ties; ++t) {
      int r = static_cast<int>(rng_.Below(100));
      int kind = 0;
      while (kind < kTieKinds - 1 && r >= kTies[kind].weight) r -= kTies[kind++].weight;
      const TieSchema& ts = kTies[kind];
      ++tie_count_[kind];
      EntityClass from_class = kPerson, to_class = kCompany;
      Provenance p;
      switch (kind) {
        case kOwnership:
          from_class = rng_.Chance(0.5) ? kPerson : kCompany;
          p = DrawProvenance(rng_, {{kRegistry, 66}, {kLeaks, 16}, {kWestReporting, 12}, {kBaltField, 6}});
          break;
        case kDirectorship:
          from_class = rng_.Chance(0.9) ? kPerson : kCompany;
          p = DrawProvenance(rng_, {{kRegistry, 77}, {kLeaks, 10}, {kWestReporting, 8}, {kBaltField, 5}});
          break;
        case kMembership:
          from_class = rng_.Chance(0.7) ? kPerson : kCompany;
          p = DrawProvenance(rng_, {{kRegistry, 60}, {kPep, 20}, {kWestReporting, 10}, {kBaltField, 10}});
          break;
        case kFamily:
          to_class = kPerson;
          p = DrawProvenance(rng_, {{kPep, 70}, {kWestReporting, 12}, {kWestHumint, 6}, {kBaltField, 12}});
          break;
        case kAssociate:
          to_class = kPerson;
          p = DrawProvenance(rng_, {{kPep, 45}, {kWestReporting, 25}, {kWestHumint, 10}, {kBaltField, 20}});
          break;
        default:
          from_class = AnyClass();
          to_class = AnyClass();
          p = DrawProvenance(rng_, {{kLeaks, 40}, {kWestReporting, 30}, {kWestHumint, 10}, {kBaltField, 20}});
          break;
      }
      uint32_t from = DrawEnd(from_class), to = DrawEnd(to_class);
      for (int tries = 0; from == to && tries < 16; ++tries) to = DrawEnd(to_class);
      if (from == to) {  // a class of one hub: take its neighbour in the ranking
        const auto& v = to_class == kPerson ? persons_ : companies_;
        to = v[v[0] == from ? 1 : 0];
      }

      id.clear();
      AppendId(id, ts.prefix, 8 + static_cast<uint64_t>(kind), static_cast<uint64_t>(t));
      std::string& s = out.buf();
      value.clear();
      AppendEntityId(value, from);
      Row(s, id, ts.schema, ts.from_prop, value, p);
      value.clear();
      AppendEntityId(value, to);
      Row(s, id, ts.schema, ts.to_prop, value, p);
      int start_year = 0;
      Row(s, id, ts.schema, "startDate", Date(1995, 2024, &start_year), p);
      if (rng_.Chance(0.25)) Row(s, id, ts.schema, "endDate", Date(start_year + 1, 2025), p);
      if (rng_.Chance(0.3)) {
        switch (kind) {
          case kOwnership: Row(s, id, ts.schema, "percentage", std::to_string(rng_.Range(1, 100)), p); break;
          case kDirectorship: Row(s, id, ts.schema, "role", rng_.Pick(DirectorRoles()), p); break;
          case kAssociate: Row(s, id, ts.schema, "relationship", rng_.Pick(AssociateRelations()), p); break;
          case kFamily: Row(s, id, ts.schema, "relationship", rng_.Chance(0.5) ? "spouse" : "sibling", p); break;
          default: break;
        }
      }
      out.Maybe();

      ++degree[from];
      ++degree[to];
      const bool visible = kBalticSees[p.marking] && visible_[from] && visible_[to];
      visible_ties_ += visible;
      for (Out* e : {&edge_out, visible ? &visible_out : nullptr}) {
        if (!e || !e->open()) continue;
        std::string& line = e->buf();
        AppendUnsigned(line, from);
        line += ' ';
        AppendUnsigned(line, to);
        line += '\n';
        e->Maybe();
      }
      if ((t + 1) % 500'000 == 0) Progress("ties", t + 1, o_.ties);
    }
    out.Flush();
    csv_bytes_ = out.bytes();
    if (o_.ties % 500'000 != 0) Progress("ties", o_.ties, o_.ties);
    for (uint32_t e = 0; e < degree.size(); ++e) {
      if (degree[e] > max_degree_) max_degree_ = degree[e], max_degree_entity_ = e;
      isolated_ += degree[e] == 0;
    }
  }

  void Progress(const char* what, int64_t done, int64_t total) const {
    std::fprintf(stderr, "  %s %" PRId64 "/%" PRId64 " (%.0f%%), %" PRId64 " statements, %.1f s\n", what, done, total,
                 total ? 100.0 * static_cast<double>(done) / static_cast<double>(total) : 100.0, rows_,
                 clock_.Seconds());
  }

  const Options& o_;
  Rng rng_;
  Stopwatch clock_;
  std::vector<uint8_t> class_;    // per entity: EntityClass
  std::vector<uint8_t> visible_;  // per entity: baltic sees it
  std::vector<uint32_t> persons_, companies_;  // after Entities(): in rank order
  uint64_t csv_bytes_ = 0;
  int64_t rows_ = 0, visible_rows_ = 0, visible_entities_ = 0, visible_ties_ = 0, isolated_ = 0;
  int64_t tie_count_[kTieKinds] = {};
  uint32_t max_degree_ = 0, max_degree_entity_ = 0;
};

void WriteSources(FILE* f) {
  std::fprintf(f, "# The sources of dossier_bench_graph_generate's statements: ingest with\n"
                  "# `dossier ingest --format sources FILE` before the statements.\n");
  for (const auto& s : kSourceTable) {
    std::fprintf(f, "\n[[source]]\nid = \"%s\"\ntitle = \"%s\"\nkind = \"%s\"\nreliability = \"%c\"\n", s.id, s.title,
                 s.kind, s.reliability);
    if (*s.originator) std::fprintf(f, "originator = \"%s\"\n", s.originator);
    if (*s.sanitised) std::fprintf(f, "protected = true\nsanitised = \"%s\"\n", s.sanitised);
  }
}

int Usage() {
  std::fprintf(stderr,
               "usage: dossier_bench_graph_generate [--entities N] [--ties M] [--seed S] [--zipf A] [--out FILE]\n"
               "                                    [--edges FILE] [--visible-edges FILE] [--ids FILE] [--sources FILE]\n");
  return 2;
}

FILE* OpenOrDie(const std::string& path) {
  if (path.empty()) return nullptr;
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) {
    std::perror(path.c_str());
    std::exit(1);
  }
  return f;
}

void CloseOrDie(FILE* f, const std::string& path) {
  if (f && std::fclose(f) != 0) {
    std::perror(path.c_str());
    std::exit(1);
  }
}

}  // namespace
}  // namespace dossier::bench

int main(int argc, char** argv) {
  using namespace dossier::bench;
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (i + 1 >= argc) return Usage();
    const char* v = argv[++i];
    if (a == "--entities") o.entities = std::strtoll(v, nullptr, 10);
    else if (a == "--ties") o.ties = std::strtoll(v, nullptr, 10);
    else if (a == "--seed") o.seed = std::strtoull(v, nullptr, 10);
    else if (a == "--zipf") o.zipf = std::strtod(v, nullptr);
    else if (a == "--out") o.out = v;
    else if (a == "--edges") o.edges = v;
    else if (a == "--visible-edges") o.visible_edges = v;
    else if (a == "--ids") o.ids = v;
    else if (a == "--sources") o.sources = v;
    else return Usage();
  }
  if (o.entities < 4 || o.entities > 4'000'000'000LL || o.ties < 0 || !(o.zipf >= 0 && o.zipf < 3)) return Usage();

  FILE* csv = o.out.empty() ? stdout : OpenOrDie(o.out);
  FILE* edges = OpenOrDie(o.edges);
  FILE* visible = OpenOrDie(o.visible_edges);
  FILE* ids = OpenOrDie(o.ids);
  {
    Generator gen(o);
    gen.Run(csv, edges, visible, ids);
    gen.Summary(stderr);
  }
  if (!o.sources.empty()) {
    FILE* f = OpenOrDie(o.sources);
    WriteSources(f);
    CloseOrDie(f, o.sources);
  }
  if (csv != stdout) CloseOrDie(csv, o.out);
  else if (std::fflush(stdout) != 0) return 1;
  CloseOrDie(edges, o.edges);
  CloseOrDie(visible, o.visible_edges);
  CloseOrDie(ids, o.ids);
  return 0;
}
