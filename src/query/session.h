// What a question needs to be answered for one reader: the reader's View, the
// store's Feed, and the reader's view of the link graph. The CLI's Context and
// the server's per-reader state both provide it, so both interfaces answer
// every question through the same code and the same visibility rule.
//
// Contract: everything a Session hands out answers for the same one reader.
#pragma once
#include <stdexcept>
#include <string>

#include "access/feed.h"
#include "access/view.h"
#include "graph/reader_graph.h"

namespace dossier::query {

class Session {
 public:
  virtual ~Session() = default;
  virtual access::View& View() = 0;
  virtual access::Feed& Feed() = 0;
  virtual const graph::ReaderGraph& ReaderGraph() = 0;
};

// A question that cannot be answered: the CLI turns it into an exit code, the
// server into an HTTP status.
class QueryError : public std::runtime_error {
 public:
  enum Kind { kBadRequest, kNotFound, kForbidden, kInternal };
  QueryError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

}  // namespace dossier::query
