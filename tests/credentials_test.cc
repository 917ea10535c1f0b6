// Passwords (Argon2id) and API tokens: right secrets pass, wrong, revoked and
// unknown ones fail alike, nothing secret is stored, and the command line acts
// as a token's user.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "access/credentials.h"
#include "store/store.h"
#include "test_util.h"

using dossier::testing::RunDossier;
using dossier::testing::TempDir;

namespace {

struct Fixture {
  TempDir dir;
  std::unique_ptr<dossier::store::Store> store = dossier::store::Store::Open(dir.File("s.db"), true);
  Fixture() {
    store->PutOrganisation({"EST", "EST", "", {}});
    store->PutUser({"kalle", "EST", 3, "admin", {}});
    store->PutUser({"tiit", "EST", 1, "reader", {}});
  }
};

std::string Failure(const std::function<void()>& f) {
  try {
    f();
  } catch (const dossier::access::AuthenticationError& e) {
    return e.what();
  }
  return "accepted";
}

TEST(Credentials, PasswordsAreArgon2idAndFailAlike) {
  Fixture f;
  dossier::access::SetPassword(*f.store, "kalle", "correct horse battery");
  const auto stored = f.store->FindCredential("password", "kalle");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->hash.rfind("$argon2id$", 0), 0u) << stored->hash;
  EXPECT_EQ(stored->hash.find("correct horse"), std::string::npos);
  EXPECT_EQ(dossier::access::CheckPassword(*f.store, "kalle", "correct horse battery"), "kalle");
  const std::string wrong = Failure([&] { dossier::access::CheckPassword(*f.store, "kalle", "correct horse batterY"); });
  const std::string unset = Failure([&] { dossier::access::CheckPassword(*f.store, "tiit", "correct horse battery"); });
  const std::string nobody = Failure([&] { dossier::access::CheckPassword(*f.store, "nobody", "correct horse battery"); });
  EXPECT_EQ(wrong, "bad credentials");
  EXPECT_EQ(unset, wrong);
  EXPECT_EQ(nobody, wrong);
  EXPECT_THROW(dossier::access::SetPassword(*f.store, "kalle", "short"), std::invalid_argument);
  EXPECT_THROW(dossier::access::SetPassword(*f.store, "nobody", "long enough password"), std::invalid_argument);
}

TEST(Credentials, TokensNameTheirUserUntilRevoked) {
  Fixture f;
  const auto t = dossier::access::IssueToken(*f.store, "tiit");
  EXPECT_EQ(dossier::access::UserOfToken(*f.store, t.token), "tiit");
  EXPECT_EQ(f.store->FindCredential("token", t.id)->hash.find(t.token.substr(21)), std::string::npos);
  std::string forged = t.token;
  forged.back() = forged.back() == 'A' ? 'B' : 'A';
  for (const std::string& bad : {forged, std::string("dsr_"), std::string(""), t.token + "x", std::string(64, 'a')})
    EXPECT_EQ(Failure([&] { dossier::access::UserOfToken(*f.store, bad); }), "bad credentials") << bad;
  EXPECT_TRUE(f.store->RevokeCredential("token", t.id));
  EXPECT_EQ(Failure([&] { dossier::access::UserOfToken(*f.store, t.token); }), "bad credentials");
  EXPECT_FALSE(f.store->RevokeCredential("token", t.id));
}

TEST(Credentials, TheCommandLineActsAsTheTokensUser) {
  TempDir dir;
  const std::string db = "--store " + dir.File("s.db") + " ";
  ASSERT_EQ(RunDossier(db + "init").exit_code, 0);
  ASSERT_EQ(RunDossier(db + "principals add-org EST --country EST").exit_code, 0);
  ASSERT_EQ(RunDossier(db + "principals add-user kalle --org EST --clearance SECRET --role admin").exit_code, 0);
  ASSERT_EQ(RunDossier(db + "--as kalle principals add-user tiit --org EST --clearance RESTRICTED --role reader").exit_code, 0);
  const auto issued = RunDossier(db + "--as kalle --json principals token tiit");
  ASSERT_EQ(issued.exit_code, 0) << issued.err;
  const auto j = nlohmann::json::parse(issued.out);
  const std::string token = j["token"];
  EXPECT_EQ(RunDossier(db + "--token " + token + " stats").exit_code, 0);
  EXPECT_EQ(RunDossier(db + "stats --token " + token).exit_code, 0);
  EXPECT_EQ(RunDossier(db + "stats --token=" + token).exit_code, 0);
  // The token's user is a reader: no administration with it.
  EXPECT_EQ(RunDossier(db + "--token " + token + " principals token kalle").exit_code, 4);
  EXPECT_EQ(RunDossier(db + "--token " + token + " --as kalle stats").exit_code, 4);
  EXPECT_EQ(RunDossier(db + "--token dsr_0000000000000000_" + std::string(43, 'A') + " stats").exit_code, 4);
  const auto audit = RunDossier(db + "--as kalle --json audit show --action stats");
  EXPECT_NE(audit.out.find("\"user\":\"tiit\""), std::string::npos) << audit.out;
  EXPECT_EQ(audit.out.find(token.substr(21)), std::string::npos) << "a token's secret went into the audit log";
  EXPECT_EQ(RunDossier(db + "--as kalle principals revoke-token " + j["id"].get<std::string>()).exit_code, 0);
  EXPECT_EQ(RunDossier(db + "--token " + token + " stats").exit_code, 4);
  // Passwords come on standard input only.
  const auto pw = RunDossier(db + "--as kalle principals password tiit < /dev/null");
  EXPECT_EQ(pw.exit_code, 2);
  EXPECT_NE(pw.err.find("12 characters"), std::string::npos) << pw.err;
}

}  // namespace
