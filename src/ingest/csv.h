// An RFC 4180 CSV reader: quoted fields with "" escapes and embedded newlines,
// CRLF or LF line ends, a UTF-8 byte order mark skipped.
//
// Contract: Next() fills `fields` with one record and returns true, or returns
// false at the end of input. An unterminated quote throws IngestError naming
// the file and the line where the record began.
#pragma once
#include <istream>
#include <string>
#include <vector>

namespace dossier::ingest {

class CsvReader {
 public:
  CsvReader(std::istream& in, std::string file_name, char delimiter = ',');
  bool Next(std::vector<std::string>& fields);
  // The line on which the last record returned by Next() began (1-based).
  long line() const { return record_line_; }
  const std::string& file_name() const { return file_name_; }
  // Bytes consumed so far, for progress.
  uint64_t bytes() const { return bytes_; }

 private:
  bool ReadChar(char& c);
  std::istream& in_;
  std::string file_name_;
  char delimiter_;
  long line_ = 1;
  long record_line_ = 0;
  uint64_t bytes_ = 0;
  bool first_ = true;
  std::vector<char> buffer_;
  size_t pos_ = 0, end_ = 0;
};

// Writes one CSV record, quoting fields that need it.
std::string CsvLine(const std::vector<std::string>& fields);

}  // namespace dossier::ingest
