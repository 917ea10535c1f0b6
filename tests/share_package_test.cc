// The partner package on its own: round trip, and refusal of every altered,
// truncated, unsigned or foreign-signed package; an import that fails leaves the
// store exactly as it was.
#include <gtest/gtest.h>

#include "share/import.h"
#include "share/keys.h"
#include "share/package.h"
#include "share/partners.h"
#include "ingest/error.h"
#include "store/store.h"
#include "test_util.h"

using namespace dossier::share;
using dossier::testing::TempDir;

namespace {

Package Sample() {
  Package p;
  p.manifest.from = "GBR";
  p.manifest.to = "EST";
  p.manifest.sequence = 1;
  p.manifest.created = "2026-11-29T10:00:00Z";
  p.manifest.highest_marking = "SECRET//REL TO EST, GBR//ORIG GBR";
  dossier::model::Source s;
  s.id = "cables";
  s.title = "Cables";
  s.kind = "cable";
  s.originator = "GBR";
  s.reliability = 'B';
  p.sources.push_back(s);
  PackageStatement st;
  st.entity_id = "p1";
  st.schema = "Person";
  st.prop = "name";
  st.value = "Igor Sechin";
  st.source = "cables";
  st.credibility = 2;
  st.marking = "SECRET//REL TO EST, GBR//ORIG GBR";
  p.statements.push_back(st);
  st.prop = "id";
  st.value = "p1";
  p.statements.push_back(st);
  return p;
}

TEST(Package, RoundTripsWhatWasSigned) {
  const KeyPair keys = KeyPair::Generate("GBR");
  const std::string bytes = WritePackage(Sample(), keys);
  const Manifest m = ReadManifest(bytes);
  EXPECT_EQ(m.from, "GBR");
  EXPECT_EQ(m.to, "EST");
  EXPECT_EQ(m.statements, 2);
  const Package p = OpenPackage(bytes, keys.public_key);
  ASSERT_EQ(p.statements.size(), 2u);
  EXPECT_EQ(p.statements[0].value, "Igor Sechin");
  EXPECT_EQ(p.statements[0].marking, "SECRET//REL TO EST, GBR//ORIG GBR");
  EXPECT_EQ(p.sources.at(0).reliability, 'B');
  EXPECT_EQ(p.manifest.sequence, 1);
}

TEST(Package, AnyTextSurvivesTheTrip) {
  const KeyPair keys = KeyPair::Generate("GBR");
  Package p = Sample();
  const std::vector<std::string> values = {"quote \" and back\\slash", "line\nbreak\ttab\rcr", std::string("nul\0x", 5),
                                           "\x01\x1f control", "Игорь Сечин 习近平 😀", "plain"};
  p.statements.clear();
  for (const auto& v : values) {
    PackageStatement s = Sample().statements[0];
    s.value = v;
    p.statements.push_back(s);
  }
  PackageStatement bad = Sample().statements[0];
  bad.value = "bad \xff\xfe and \xed\xa0\x80 bytes";
  p.statements.push_back(bad);
  const Package back = OpenPackage(WritePackage(p, keys), keys.public_key);
  ASSERT_EQ(back.statements.size(), values.size() + 1);
  for (std::size_t i = 0; i < values.size(); ++i) EXPECT_EQ(back.statements[i].value, values[i]);
  // Invalid UTF-8 is replaced, never written raw (the partner's parser would refuse the line).
  EXPECT_EQ(back.statements.back().value.find('\xff'), std::string::npos);
  EXPECT_EQ(back.statements.back().value.rfind("bad ", 0), 0u);
}

TEST(Package, EveryAlteredByteOfTheBodyIsRefused) {
  const KeyPair keys = KeyPair::Generate("GBR");
  const std::string bytes = WritePackage(Sample(), keys);
  const std::size_t signature_line = bytes.rfind('\n', bytes.size() - 2) + 1;
  const Package original = OpenPackage(bytes, keys.public_key);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    std::string altered = bytes;
    altered[i] = static_cast<char>(altered[i] ^ 0x01);
    if (i < signature_line) {
      EXPECT_THROW(OpenPackage(altered, keys.public_key), PackageError) << "byte " << i;
    } else {
      // In the signature line an altered byte may only be refused, or (a padding
      // bit of base64, the final newline) change nothing.
      try {
        const Package p = OpenPackage(altered, keys.public_key);
        EXPECT_EQ(p.statements.size(), original.statements.size()) << "byte " << i;
      } catch (const PackageError&) {
      }
    }
  }
}

TEST(Package, TruncatedUnsignedAndForeignSignedPackagesAreRefused) {
  const KeyPair keys = KeyPair::Generate("GBR");
  const KeyPair other = KeyPair::Generate("GBR");
  const std::string bytes = WritePackage(Sample(), keys);
  for (std::size_t cut = 0; cut + 1 < bytes.size(); cut += 7)
    EXPECT_THROW(OpenPackage(bytes.substr(0, cut), keys.public_key), PackageError) << "cut at " << cut;
  const std::string unsigned_body = bytes.substr(0, bytes.rfind('\n', bytes.size() - 2) + 1);
  try {
    OpenPackage(unsigned_body, keys.public_key);
    FAIL() << "an unsigned package was opened";
  } catch (const PackageError& e) {
    EXPECT_NE(std::string(e.what()).find("not signed"), std::string::npos) << e.what();
  }
  try {
    OpenPackage(bytes, other.public_key);
    FAIL() << "a package was opened with the wrong key";
  } catch (const PackageError& e) {
    EXPECT_NE(std::string(e.what()).find("does not verify"), std::string::npos) << e.what();
  }
}

TEST(Package, MalformedBodiesNameTheirLine) {
  const KeyPair keys = KeyPair::Generate("GBR");
  Package p = Sample();
  p.statements[1].credibility = 9;
  try {
    OpenPackage(WritePackage(p, keys), keys.public_key);
    FAIL();
  } catch (const PackageError& e) {
    EXPECT_NE(std::string(e.what()).find("line 4"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("credibility"), std::string::npos) << e.what();
  }
}

TEST(PublicKeyFile, ParsesItsOwnLinesAndRejectsOthers) {
  const KeyPair keys = KeyPair::Generate("EST");
  auto [org, key] = ParsePublicKeyLine(PublicKeyLine("EST", keys.public_key) + "\n");
  EXPECT_EQ(org, "EST");
  EXPECT_EQ(key, keys.public_key);
  EXPECT_THROW(ParsePublicKeyLine("ssh-ed25519 AAAA"), KeyError);
  EXPECT_THROW(ParsePublicKeyLine("dossier-ed25519 EST AAAA"), KeyError);
  EXPECT_THROW(ParsePublicKeyLine("dossier-ed25519 est " + ToBase64(std::string(32, 'x'))), KeyError);
  TempDir dir;
  WriteSecretKeyFile(dir.File("k"), keys, false);
  EXPECT_THROW(WriteSecretKeyFile(dir.File("k"), keys, false), KeyError);
  const KeyPair back = ReadSecretKeyFile(dir.File("k"));
  EXPECT_EQ(back.public_key, keys.public_key);
  EXPECT_EQ(back.organisation, "EST");
}

// A receiving store with the sender as partner.
struct Receiver {
  TempDir dir;
  std::unique_ptr<dossier::store::Store> store = dossier::store::Store::Open(dir.File("r.db"), true);
  KeyPair own = KeyPair::Generate("EST");
  KeyPair sender = KeyPair::Generate("GBR");
  Receiver() {
    SetInstanceIdentity(*store, own);
    PartnerList partners;
    Partner p;
    p.organisation = "GBR";
    p.key = sender.public_key;
    partners.Put(p);
    partners.Save(*store);
  }
};

TEST(Import, ABadStatementLeavesTheStoreAsItWas) {
  Receiver r;
  const auto before = r.store->Count();
  Package p = Sample();
  p.statements[0].schema = "Spaceship";
  try {
    ImportPackage(*r.store, WritePackage(p, r.sender), "bad.pkg", "kalle");
    FAIL() << "imported a statement of an unknown schema";
  } catch (const dossier::ingest::IngestError& e) {
    EXPECT_NE(std::string(e.what()).find("Spaceship"), std::string::npos) << e.what();
  }
  p = Sample();
  p.statements[1].marking = "COSMIC PURPLE";
  EXPECT_THROW(ImportPackage(*r.store, WritePackage(p, r.sender), "bad.pkg", "kalle"), dossier::ingest::IngestError);
  const auto after = r.store->Count();
  EXPECT_EQ(after.statements, before.statements);
  EXPECT_EQ(after.sources, before.sources);
  EXPECT_EQ(PartnerList::Load(*r.store).Find("GBR")->received, 0);
  // The good package still goes in afterwards, once.
  const std::string good = WritePackage(Sample(), r.sender);
  EXPECT_EQ(ImportPackage(*r.store, good, "good.pkg", "kalle").added, 2);
  const ImportReport again = ImportPackage(*r.store, good, "good.pkg", "kalle");
  EXPECT_TRUE(again.already_imported);
  EXPECT_EQ(r.store->Count().statements, after.statements + 2);
}

TEST(Import, RefusesStrangersMisaddressedAndReplayedPackages) {
  Receiver r;
  const KeyPair stranger = KeyPair::Generate("FRA");
  Package p = Sample();
  p.manifest.from = "FRA";
  EXPECT_THROW(ImportPackage(*r.store, WritePackage(p, stranger), "x.pkg", "kalle"), PackageError);
  p = Sample();
  p.manifest.to = "LVA";
  EXPECT_THROW(ImportPackage(*r.store, WritePackage(p, r.sender), "x.pkg", "kalle"), PackageError);
  // Signed by someone else in GBR's name.
  EXPECT_THROW(ImportPackage(*r.store, WritePackage(Sample(), stranger), "x.pkg", "kalle"), PackageError);
  p = Sample();
  p.manifest.sequence = 2;
  ImportPackage(*r.store, WritePackage(p, r.sender), "2.pkg", "kalle");
  p.manifest.sequence = 1;
  try {
    ImportPackage(*r.store, WritePackage(p, r.sender), "1.pkg", "kalle");
    FAIL() << "a replayed older package was imported";
  } catch (const PackageError& e) {
    EXPECT_NE(std::string(e.what()).find("older"), std::string::npos) << e.what();
  }
  p.manifest.sequence = 2;
  p.statements[0].value = "Someone Else";
  EXPECT_THROW(ImportPackage(*r.store, WritePackage(p, r.sender), "2b.pkg", "kalle"), PackageError);
  EXPECT_EQ(r.store->Count().statements, 2);
}

}  // namespace
