#include "access/credentials.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

#include "model/hex.h"

namespace dossier::access {
namespace {

constexpr std::size_t kMinPassword = 12;

void Init() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

bool UserExists(store::Store& store, const std::string& user) {
  const auto users = store.Users();
  return std::any_of(users.begin(), users.end(), [&](const model::User& u) { return u.name == user; });
}

std::string TokenHash(const std::string& token) {
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
  return model::ToHex(h, sizeof h);
}

// An Argon2id hash of nothing in particular, verified when the user is unknown
// so that the answer takes as long as for a known one.
const std::string& DecoyHash() {
  static const std::string hash = [] {
    char out[crypto_pwhash_STRBYTES];
    const char* pw = "decoy password";
    if (crypto_pwhash_str_alg(out, pw, std::strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
      throw std::runtime_error("out of memory hashing a password");
    return std::string(out);
  }();
  return hash;
}

}  // namespace

void SetPassword(store::Store& store, const std::string& user, const std::string& password) {
  Init();
  if (!UserExists(store, user)) throw std::invalid_argument("no such user '" + user + "'");
  if (password.size() < kMinPassword) throw std::invalid_argument("a password needs at least 12 characters");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory hashing a password");
  store.PutCredential(store::Credential{"password", user, user, out, "", false});
}

std::string CheckPassword(store::Store& store, const std::string& user, const std::string& password) {
  Init();
  const auto c = store.FindCredential("password", user);
  const bool usable = c && !c->revoked && UserExists(store, user);
  const std::string& hash = usable ? c->hash : DecoyHash();
  const bool ok = crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
  if (!usable || !ok) throw AuthenticationError();
  return user;
}

IssuedToken IssueToken(store::Store& store, const std::string& user) {
  Init();
  if (!UserExists(store, user)) throw std::invalid_argument("no such user '" + user + "'");
  unsigned char id[8], secret[32];
  randombytes_buf(id, sizeof id);
  randombytes_buf(secret, sizeof secret);
  char b64[sodium_base64_ENCODED_LEN(sizeof secret, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(b64, sizeof b64, secret, sizeof secret, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  IssuedToken t;
  t.id = model::ToHex(id, sizeof id);
  t.token = "dsr_" + t.id + "_" + b64;
  store.PutCredential(store::Credential{"token", t.id, user, TokenHash(t.token), "", false});
  sodium_memzero(secret, sizeof secret);
  return t;
}

std::string UserOfToken(store::Store& store, const std::string& token) {
  Init();
  // dsr_ + 16 hex + _ + 43 base64url
  if (token.size() != 4 + 16 + 1 + 43 || token.compare(0, 4, "dsr_") != 0 || token[20] != '_') throw AuthenticationError();
  const auto c = store.FindCredential("token", token.substr(4, 16));
  if (!c || c->revoked) throw AuthenticationError();
  const std::string hash = TokenHash(token);
  if (hash.size() != c->hash.size() || sodium_memcmp(hash.data(), c->hash.data(), hash.size()) != 0)
    throw AuthenticationError();
  if (!UserExists(store, c->user)) throw AuthenticationError();
  return c->user;
}

}  // namespace dossier::access
