#include "server/sessions.h"

#include <sodium.h>

#include <stdexcept>

namespace dossier::server {
namespace {

std::string HashOf(const std::string& token) {
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
  return std::string(reinterpret_cast<const char*>(h), sizeof h);
}

}  // namespace

Sessions::Sessions() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

Sessions::Issued Sessions::Open(const std::string& user) {
  unsigned char secret[32];
  randombytes_buf(secret, sizeof secret);
  char b64[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(b64, sizeof b64, secret, sizeof secret, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  Issued issued{std::string("dss_") + b64, std::chrono::system_clock::now() + kLifetime};
  std::lock_guard lock(mu_);
  by_hash_[HashOf(issued.token)] = Entry{user, issued.expires};
  return issued;
}

std::optional<std::string> Sessions::UserOf(const std::string& token) {
  if (!LooksLikeSession(token)) return std::nullopt;
  const std::string hash = HashOf(token);
  std::lock_guard lock(mu_);
  auto it = by_hash_.find(hash);
  if (it == by_hash_.end()) return std::nullopt;
  if (it->second.expires <= std::chrono::system_clock::now()) {
    by_hash_.erase(it);
    return std::nullopt;
  }
  return it->second.user;
}

void Sessions::Close(const std::string& token) {
  std::lock_guard lock(mu_);
  by_hash_.erase(HashOf(token));
}

}  // namespace dossier::server
