#include "ingest/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace dossier::ingest {

bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

Progress::Progress(std::string label, uint64_t total_bytes, bool enabled)
    : label_(std::move(label)), total_(total_bytes), enabled_(enabled),
      start_(std::chrono::steady_clock::now()), last_(start_) {}

Progress::~Progress() {
  if (drawn_) std::fputs("\n", stderr);
}

void Progress::Update(uint64_t bytes_done, uint64_t rows) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  double rate = seconds > 0 ? static_cast<double>(rows) / seconds : 0;
  std::string line = fmt::format("\r{}: {} rows, {:.0f} rows/s", label_, rows, rate);
  if (total_ > 0 && bytes_done > 0) {
    double fraction = static_cast<double>(bytes_done) / static_cast<double>(total_);
    double eta = fraction > 0 ? seconds * (1 - fraction) / fraction : 0;
    line += fmt::format(", {:.0f}% , ETA {:.0f}s", fraction * 100, eta);
  }
  std::fputs((line + "   ").c_str(), stderr);
  drawn_ = true;
}

void Progress::Finish(uint64_t rows) {
  if (!enabled_ || !drawn_) return;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::fputs(fmt::format("\r{}: {} rows in {:.1f}s          ", label_, rows, seconds).c_str(), stderr);
}

}  // namespace dossier::ingest
