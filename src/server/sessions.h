// Sign-in sessions of the web page: POST /api/login exchanges a user's password
// for a session token, kept in memory only (a restart signs everyone out).
//
// A session token is "dss_" + 43 characters of base64url (32 random bytes);
// only its BLAKE2b hash is kept, so a memory dump gives no usable token.
// Tokens expire kLifetime after sign-in; a token past its time is forgotten on
// the next look-up.
#pragma once
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace dossier::server {

class Sessions {
 public:
  static constexpr std::chrono::hours kLifetime{12};
  Sessions();  // initialises libsodium's random source
  struct Issued {
    std::string token;
    std::chrono::system_clock::time_point expires;
  };
  Issued Open(const std::string& user);
  // The user of a live session token; nullopt for any other string.
  std::optional<std::string> UserOf(const std::string& token);
  void Close(const std::string& token);
  static bool LooksLikeSession(const std::string& token) { return token.rfind("dss_", 0) == 0; }

 private:
  struct Entry {
    std::string user;
    std::chrono::system_clock::time_point expires;
  };
  std::mutex mu_;
  std::map<std::string, Entry> by_hash_;
};

}  // namespace dossier::server
