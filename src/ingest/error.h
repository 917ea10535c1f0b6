// The one error every ingest raises for bad input: it names the file, the line
// (0 when not known) and the field, and says why, e.g.
//   sdn.csv:1207: field Remarks: 'DOB 31 Feb 1960' is not a date
#pragma once
#include <stdexcept>
#include <string>

namespace dossier::ingest {

class IngestError : public std::runtime_error {
 public:
  IngestError(const std::string& file, long line, const std::string& field, const std::string& reason)
      : std::runtime_error(Format(file, line, field, reason)), file_(file), line_(line), field_(field) {}
  const std::string& file() const { return file_; }
  long line() const { return line_; }
  const std::string& field() const { return field_; }

 private:
  static std::string Format(const std::string& file, long line, const std::string& field, const std::string& reason) {
    // Built with append: g++ 12 at -O3 warns falsely (-Wrestrict) on chained +.
    std::string out;
    out.append(file);
    if (line > 0) out.append(":").append(std::to_string(line));
    out.append(": ");
    if (!field.empty()) out.append("field ").append(field).append(": ");
    out.append(reason);
    return out;
  }
  std::string file_;
  long line_;
  std::string field_;
};

}  // namespace dossier::ingest
