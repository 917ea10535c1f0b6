// The partner package: what one instance sends another, signed.
//
// Format (UTF-8 text, one JSON object a line):
//   line 1      {"dossier_package": 1, "from": ORG, "to": ORG, "sequence": N,
//                "created": ISO time, "sources": S, "statements": M,
//                "highest_marking": BANNER}                       the manifest
//   S lines     {"source": {"id", "title", "kind", "originator", "reliability", ...}}
//   M lines     {"statement": {"entity_id", "schema", "prop", "value", "lang",
//                "source", "credibility", "marking", "first_seen", "last_seen"}}
//   last line   {"signature": BASE64}   Ed25519 over "dossier-package-v1\n" and the
//                                       BLAKE2b-512 digest of every byte before
//                                       this line
//
// Reading is in two steps so that nothing but the manifest is parsed before the
// signature is checked: ReadManifest (the first line only, to learn the sender)
// and then OpenPackage with the sender's key from the partner list, which checks
// the signature and only then parses the body.
//
// Contract: every malformed or tampered input throws PackageError, whose message
// names the line and what is wrong; nothing else is thrown and nothing crashes
// (a libFuzzer target holds the reader to it). WritePackage(p) read back with
// OpenPackage gives p.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/source.h"
#include "share/keys.h"

namespace dossier::share {

class PackageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline constexpr int kPackageVersion = 1;

struct Manifest {
  std::string from, to;   // organisation codes
  int64_t sequence = 0;   // 1, 2, 3 ... per (from, to): a replayed older package is refused
  std::string created;    // ISO time
  int64_t sources = 0, statements = 0;
  std::string highest_marking;  // the highest marking of what the package holds
};

struct PackageStatement {
  std::string entity_id, schema, prop, value, original_value, lang, source;
  int credibility = 6;
  std::string marking;  // banner, with its originator
  std::string first_seen, last_seen;
};

struct Package {
  Manifest manifest;
  std::vector<model::Source> sources;
  std::vector<PackageStatement> statements;
};

// The package's bytes, signed with `keys`. manifest.sources / statements are
// filled from the vectors.
std::string WritePackage(Package package, const KeyPair& keys);

// The manifest (first line) alone: who sent it, to whom, which sequence.
Manifest ReadManifest(std::string_view bytes);

// Checks the signature with `sender` only (PackageError as OpenPackage's).
void VerifyPackage(std::string_view bytes, const PublicKey& sender);

// Parses a package whose signature VerifyPackage has just accepted (the import
// checks replay in between, without parsing).
Package ParseVerifiedPackage(std::string_view bytes);

// Checks the signature with `sender`, then parses everything. Throws
// PackageError: "not signed", "signature does not verify (the package was
// altered or not signed by ...)", or a line and field that is malformed.
Package OpenPackage(std::string_view bytes, const PublicKey& sender);

// The message the signature covers: "dossier-package-v1\n" and the BLAKE2b-512
// digest of the body (every line before the signature).
std::string PackageSignedMessage(std::string_view body);

// BLAKE2b-256 of the bytes, hex: the identity of one package.
std::string PackageHash(std::string_view bytes);

}  // namespace dossier::share
