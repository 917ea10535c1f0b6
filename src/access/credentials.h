// Proving who you are, for the server and scripts: passwords (hashed with
// Argon2id, libsodium's crypto_pwhash_str) and API tokens.
//
// A token is "dsr_" + 16 hex digits of public id + "_" + 43 characters of secret
// (32 random bytes, base64url). The store keeps the id, the user and a BLAKE2b
// hash of the whole token; the token itself is shown once, when issued. A
// token's secret is random and long, so a fast hash suffices; a password is
// chosen by a person, so it gets Argon2id's deliberate cost.
//
// Every check fails the same way whether the user or token does not exist, was
// revoked, or the secret is wrong (AuthenticationError "bad credentials"), and
// a missing user still costs one Argon2id verification, so neither the message
// nor (roughly) the time says which names exist.
#pragma once
#include <stdexcept>
#include <string>

#include "store/store.h"

namespace dossier::access {

class AuthenticationError : public std::runtime_error {
 public:
  AuthenticationError() : std::runtime_error("bad credentials") {}
};

// Sets `user`'s password (the user must exist: std::invalid_argument otherwise;
// also for a password under 12 characters).
void SetPassword(store::Store& store, const std::string& user, const std::string& password);
// The user name, if `password` is theirs; AuthenticationError otherwise.
std::string CheckPassword(store::Store& store, const std::string& user, const std::string& password);

struct IssuedToken {
  std::string id;     // public, for listing and revoking
  std::string token;  // the secret to hand over, once
};
IssuedToken IssueToken(store::Store& store, const std::string& user);
// The user a token belongs to; AuthenticationError for a malformed, unknown or
// revoked token.
std::string UserOfToken(store::Store& store, const std::string& token);

}  // namespace dossier::access
