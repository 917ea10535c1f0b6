// Progress of long work on a terminal: done/total, rows, rows/s and ETA on one
// line of standard error, redrawn at most five times a second. Silent when
// standard error is not a terminal, so logs and pipes stay clean.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>

namespace dossier::ingest {

class Progress {
 public:
  Progress(std::string label, uint64_t total_bytes, bool enabled);
  ~Progress();
  void Update(uint64_t bytes_done, uint64_t rows);
  void Finish(uint64_t rows);

 private:
  std::string label_;
  uint64_t total_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

bool StderrIsTerminal();

}  // namespace dossier::ingest
