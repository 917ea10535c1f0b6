#include "share/keys.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <sstream>

#include "model/hex.h"

namespace dossier::share {
namespace {

void EnsureSodium() {
  if (sodium_init() < 0) throw KeyError("libsodium could not be initialised");
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.remove_suffix(1);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return std::string(s);
}

bool ValidOrganisation(std::string_view org) {
  if (org.empty() || org.size() > 64) return false;
  for (char c : org)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  return true;
}

}  // namespace

KeyPair KeyPair::Generate(std::string organisation) {
  EnsureSodium();
  if (!ValidOrganisation(organisation))
    throw KeyError("'" + organisation + "' is not an organisation code (upper-case letters, digits, - and _)");
  KeyPair k;
  k.organisation = std::move(organisation);
  crypto_sign_keypair(k.public_key.data(), k.secret_key.data());
  return k;
}

std::string KeyPair::Sign(std::string_view message) const {
  EnsureSodium();
  std::string sig(kSignatureBytes, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(sig.data()), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(), secret_key.data());
  return sig;
}

bool Verify(const PublicKey& key, std::string_view message, std::string_view signature) {
  EnsureSodium();
  if (signature.size() != kSignatureBytes) return false;
  return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.data()),
                                     reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                     key.data()) == 0;
}

std::string ToBase64(std::string_view bytes) {
  EnsureSodium();
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::string FromBase64(std::string_view text) {
  EnsureSodium();
  std::string out(text.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    throw KeyError("not base64");
  out.resize(len);
  return out;
}

std::string PublicKeyLine(const std::string& organisation, const PublicKey& key) {
  return "dossier-ed25519 " + organisation + " " +
         ToBase64(std::string_view(reinterpret_cast<const char*>(key.data()), key.size()));
}

std::pair<std::string, PublicKey> ParsePublicKeyLine(std::string_view line) {
  std::istringstream in{std::string(Trim(line))};
  std::string tag, org, b64, extra;
  in >> tag >> org >> b64 >> extra;
  if (tag != "dossier-ed25519")
    throw KeyError("not a dossier public key (expected a line \"dossier-ed25519 ORG KEY\")");
  if (!ValidOrganisation(org)) throw KeyError("'" + org + "' is not an organisation code");
  if (b64.empty() || !extra.empty()) throw KeyError("expected \"dossier-ed25519 ORG KEY\" on one line");
  std::string raw;
  try {
    raw = FromBase64(b64);
  } catch (const KeyError&) {
    throw KeyError("the key is not base64");
  }
  if (raw.size() != kPublicKeyBytes) throw KeyError("the key is " + std::to_string(raw.size()) + " bytes, not 32");
  PublicKey key;
  std::memcpy(key.data(), raw.data(), kPublicKeyBytes);
  return {org, key};
}

void WriteSecretKeyFile(const std::string& path, const KeyPair& keys, bool replace) {
  const int flags = O_WRONLY | O_CREAT | (replace ? O_TRUNC : O_EXCL);
  const int fd = ::open(path.c_str(), flags, 0600);
  if (fd < 0)
    throw KeyError(errno == EEXIST ? path + " exists: this instance already has keys (--replace to make new ones)"
                                   : path + ": " + std::strerror(errno));
  ::fchmod(fd, 0600);
  const std::string line = "dossier-ed25519-secret " + keys.organisation + " " +
                           ToBase64(std::string_view(reinterpret_cast<const char*>(keys.secret_key.data()),
                                                     keys.secret_key.size())) +
                           "\n";
  const bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) throw KeyError(path + ": could not be written");
}

KeyPair ReadSecretKeyFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw KeyError(path + " does not exist: run `dossier keys generate` first");
  std::string tag, org, b64;
  in >> tag >> org >> b64;
  if (tag != "dossier-ed25519-secret" || !ValidOrganisation(org)) throw KeyError(path + " is not a dossier secret key");
  std::string raw;
  try {
    raw = FromBase64(b64);
  } catch (const KeyError&) {
    raw.clear();
  }
  if (raw.size() != kSecretKeyBytes) throw KeyError(path + " is not a dossier secret key (bad key bytes)");
  KeyPair k;
  k.organisation = org;
  std::memcpy(k.secret_key.data(), raw.data(), kSecretKeyBytes);
  EnsureSodium();
  crypto_sign_ed25519_sk_to_pk(k.public_key.data(), k.secret_key.data());
  sodium_memzero(raw.data(), raw.size());
  return k;
}

std::string Fingerprint(const PublicKey& key) {
  EnsureSodium();
  unsigned char h[8];
  crypto_generichash(h, sizeof h, key.data(), key.size(), nullptr, 0);
  const std::string hex = model::ToHex(h, sizeof h);
  return hex.substr(0, 4) + ":" + hex.substr(4, 4) + ":" + hex.substr(8, 4) + ":" + hex.substr(12, 4);
}

}  // namespace dossier::share
