// An instance's signing identity: an Ed25519 key pair (libsodium), and the
// public key files partners exchange.
//
// Files:
// - The secret key lives in its own file beside the store ("STORE.key"), written
//   with mode 0600, one line: "dossier-ed25519-secret ORG BASE64". Whoever can
//   read it can sign packages as this instance (docs/security.md).
// - The public key file ("STORE.pub") is what a partner is given, one line:
//   "dossier-ed25519 ORG BASE64".
//
// Invariants: a KeyPair's public key is the one its secret key derives; Verify
// never throws on bad input (a wrong-length signature or key is a failure).
#pragma once
#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace dossier::share {

class KeyError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline constexpr std::size_t kPublicKeyBytes = 32;
inline constexpr std::size_t kSecretKeyBytes = 64;
inline constexpr std::size_t kSignatureBytes = 64;

using PublicKey = std::array<uint8_t, kPublicKeyBytes>;

struct KeyPair {
  std::string organisation;  // the organisation code this instance signs as
  PublicKey public_key{};
  std::array<uint8_t, kSecretKeyBytes> secret_key{};

  static KeyPair Generate(std::string organisation);
  // The detached signature of `message`, 64 bytes.
  std::string Sign(std::string_view message) const;
};

// Whether `signature` (64 bytes) is `key`'s signature of `message`.
bool Verify(const PublicKey& key, std::string_view message, std::string_view signature);

// Standard base64 (with padding), and back; FromBase64 throws KeyError.
std::string ToBase64(std::string_view bytes);
std::string FromBase64(std::string_view text);

// "dossier-ed25519 ORG BASE64"; ParsePublicKeyLine throws KeyError naming what is wrong.
std::string PublicKeyLine(const std::string& organisation, const PublicKey& key);
std::pair<std::string, PublicKey> ParsePublicKeyLine(std::string_view line);

// The secret key file: written 0600 (refusing to overwrite unless `replace`),
// and read back (KeyError naming the file when missing or malformed).
void WriteSecretKeyFile(const std::string& path, const KeyPair& keys, bool replace);
KeyPair ReadSecretKeyFile(const std::string& path);

// A short fingerprint of a public key for people to compare: 16 hex digits of
// its BLAKE2b hash, in groups of four.
std::string Fingerprint(const PublicKey& key);

}  // namespace dossier::share
