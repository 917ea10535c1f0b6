// audit verify | show: the hash-chained log of who did what (store/audit_chain.h).
// Administrators only, once a store has users.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "store/audit_chain.h"

namespace dossier::cli {
namespace {

void RequireAuditor(Context& ctx) {
  auto& store = ctx.Store();
  if (store.Users().empty()) return;  // the single local analyst
  const access::Reader& reader = ctx.View().reader();
  if (reader.user().role != "admin") throw CommandError(kAccess, "only an administrator may read the audit log");
}

void Verify(Context& ctx, const std::string& expect_head) {
  RequireAuditor(ctx);
  const auto log = ctx.Store().AuditLog();
  const auto broken = store::VerifyChain(log);
  const std::string head = log.empty() ? store::kAuditGenesis : log.back().hash;
  const bool head_ok = expect_head.empty() || expect_head == head;
  if (ctx.json()) {
    nlohmann::json j = {{"entries", log.size()}, {"head", head}, {"intact", !broken && head_ok}};
    if (broken) j["first_bad_entry"] = broken->seq, j["reason"] = broken->reason;
    if (!head_ok) j["reason"] = "the log's head is " + head + ", not the " + expect_head + " expected: entries were removed from its end";
    PrintJson(j);
  } else if (!broken && head_ok) {
    std::cout << fmt::format("audit log intact: {} entries, head {}\n", log.size(), head);
  }
  if (broken) throw CommandError(kStoreError, "audit log broken: " + broken->reason);
  if (!head_ok) throw CommandError(kStoreError, "audit log broken: its head is " + head + ", not the " + expect_head +
                                                    " expected: entries were removed from its end");
}

struct ShowArgs {
  std::string user, action, since, until;
  std::size_t limit = 100;
};

void Show(Context& ctx, const ShowArgs& a) {
  RequireAuditor(ctx);
  std::vector<store::AuditEntry> hits;
  for (auto& e : ctx.Store().AuditLog()) {
    if (!a.user.empty() && e.user != a.user) continue;
    if (!a.action.empty() && e.action != a.action) continue;
    if (!a.since.empty() && e.at < a.since) continue;
    if (!a.until.empty() && e.at.substr(0, a.until.size()) > a.until) continue;
    hits.push_back(std::move(e));
  }
  // The most recent `limit`, in order.
  if (hits.size() > a.limit) hits.erase(hits.begin(), hits.end() - static_cast<std::ptrdiff_t>(a.limit));
  for (const auto& e : hits) {
    if (ctx.json()) {
      nlohmann::json detail = nlohmann::json::parse(e.detail, nullptr, false);
      if (detail.is_discarded()) detail = e.detail;
      PrintJson({{"seq", e.seq}, {"at", e.at}, {"user", e.user}, {"action", e.action}, {"results", e.results},
                 {"detail", detail}, {"hash", e.hash}});
    } else {
      std::cout << fmt::format("{:>6}  {}  {:<12} {:<10} {:>6} results  {}\n", e.seq, e.at, e.user, e.action, e.results,
                               e.detail.size() > 120 ? e.detail.substr(0, 117) + "..." : e.detail);
    }
  }
}

}  // namespace

void AddAuditCommands(CLI::App& app, Context& ctx) {
  auto* audit = app.add_subcommand("audit", "the tamper-evident log of screenings, judgements and principal changes");
  audit->require_subcommand(1);
  static std::string expect_head;
  auto* verify = audit->add_subcommand("verify", "check every entry's hash and its link to the one before");
  verify->add_option("--expect-head", expect_head, "the head hash a previous verify printed: detects entries cut from the end");
  verify->callback([&] { Verify(ctx, expect_head); });
  static ShowArgs show_args;
  auto* show = audit->add_subcommand("show", "entries, oldest first (the most recent --limit)");
  show->add_option("--user", show_args.user, "only this user's");
  show->add_option("--action", show_args.action, "only this action: screen, xref, judge, principals");
  show->add_option("--since", show_args.since, "only from this time on (ISO 8601 prefix, e.g. 2026-11-29)");
  show->add_option("--until", show_args.until, "only up to this time (ISO 8601 prefix)");
  show->add_option("--limit", show_args.limit, "at most this many, the most recent (default 100)");
  show->callback([&] { Show(ctx, show_args); });
}

}  // namespace dossier::cli
