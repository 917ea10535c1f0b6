#include "ingest/csv.h"

#include "ingest/error.h"

namespace dossier::ingest {

CsvReader::CsvReader(std::istream& in, std::string file_name, char delimiter)
    : in_(in), file_name_(std::move(file_name)), delimiter_(delimiter), buffer_(1 << 16) {}

bool CsvReader::ReadChar(char& c) {
  if (pos_ == end_) {
    in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    end_ = static_cast<size_t>(in_.gcount());
    pos_ = 0;
    if (end_ == 0) return false;
  }
  c = buffer_[pos_++];
  ++bytes_;
  return true;
}

bool CsvReader::Next(std::vector<std::string>& fields) {
  fields.clear();
  char c;
  if (first_) {
    first_ = false;
    // Skip a UTF-8 byte order mark.
    if (ReadChar(c)) {
      if (static_cast<unsigned char>(c) == 0xEF) {
        char b1, b2;
        if (!ReadChar(b1) || !ReadChar(b2) || static_cast<unsigned char>(b1) != 0xBB ||
            static_cast<unsigned char>(b2) != 0xBF)
          throw IngestError(file_name_, 1, "", "starts with a broken byte order mark");
      } else {
        --pos_;
        --bytes_;
      }
    }
  }
  // Skip blank lines between records.
  while (true) {
    if (!ReadChar(c)) return false;
    if (c == '\n') {
      ++line_;
      continue;
    }
    if (c == '\r') continue;
    break;
  }
  record_line_ = line_;
  std::string field;
  bool quoted = false, was_quoted = false;
  while (true) {
    if (quoted) {
      if (c == '"') {
        char next;
        if (ReadChar(next)) {
          if (next == '"') {
            field += '"';
          } else {
            quoted = false;
            c = next;
            continue;
          }
        } else {
          quoted = false;
          fields.push_back(std::move(field));
          return true;
        }
      } else {
        if (c == '\n') ++line_;
        field += c;
      }
    } else if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == delimiter_) {
      fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (c == '\n') {
      ++line_;
      fields.push_back(std::move(field));
      return true;
    } else if (c == '\r') {
      // part of CRLF
    } else {
      field += c;
    }
    if (!ReadChar(c)) {
      if (quoted) throw IngestError(file_name_, record_line_, "", "a quoted field is never closed");
      fields.push_back(std::move(field));
      return true;
    }
  }
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    const std::string& f = fields[i];
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
      out += f;
      continue;
    }
    out += '"';
    for (char c : f) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  return out;
}

}  // namespace dossier::ingest
