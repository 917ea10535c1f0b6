// Readers of the labelled record-linkage data used to fit and to measure the match
// scorer (bench/match_fit.cc, bench/match_accuracy.cc), and the blocking that turns
// a file of records into candidate pairs.
//
// Mapping to FtM properties (so every record goes through BuildMatchRecord like a
// stored entity):
//   FEBRL  given_name -> firstName, surname -> lastName, street_number + address_1 ->
//          street, address_2 -> street2, suburb -> city, postcode -> postalCode,
//          state -> region, date_of_birth YYYYMMDD -> birthDate YYYY-MM-DD (digits
//          kept even when not a calendar date: typos are data), soc_sec_id -> idNumber.
//          Truth: rec-N-org and rec-N-dup-K are entity N.
//   Splink first_name -> firstName, surname -> lastName, dob -> birthDate, city ->
//          city, email -> email. Truth: the cluster column.
// All records are schema Person. Readers throw std::runtime_error naming the file
// and line on a malformed row.
#pragma once
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "match/match_record.h"

namespace dossier::bench {

struct LabelledRecord {
  std::string id;
  std::string entity;  // the truth: same entity <=> same string
  match::PropertyMap props;
};

std::vector<LabelledRecord> ReadFebrl(const std::string& path);
std::vector<LabelledRecord> ReadSplink(const std::string& path);

// Splink's clerical labels: (unique_id_l, unique_id_r, is_match).
struct SplinkLabel {
  std::string left, right;
  bool is_match = false;
};
std::vector<SplinkLabel> ReadSplinkLabels(const std::string& path);

struct Blocking {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;  // i < j, sorted, unique
  std::size_t oversized_blocks = 0;  // blocks left out for having more than max_block records
};

// Candidate pairs: records sharing any key -- the Double Metaphone of the surname, of
// the given name, the postcode, the birth date, or the identifier. Blocks of more
// than max_block records are skipped (and counted).
Blocking BlockPersons(const std::vector<LabelledRecord>& records, std::size_t max_block = 400);

// All pairs of records with the same entity.
std::size_t TruePairCount(const std::vector<LabelledRecord>& records);

}  // namespace dossier::bench
