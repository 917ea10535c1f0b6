// Renderings of entities, ties and hops shared by the CLI and the server: JSON
// for machines (the CLI's --json, the HTTP API), text for people.
// Everything rendered comes from a View, so it is already filtered.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "access/view.h"

namespace dossier::query {

// "B2": the source's reliability and the statement's credibility.
std::string GradingOf(access::View& view, const store::StoredStatement& s);
// The source as the reader may know it: title, or the sanitised line.
std::string SourceLabel(access::View& view, const store::StoredStatement& s);

// The entity's caption, or the id when the reader cannot see it.
std::string Caption(access::View& view, const std::string& id);
nlohmann::json StatementJson(access::View& view, const store::StoredStatement& s);
nlohmann::json EntityJson(access::View& view, const access::Entity& e);
nlohmann::json TieJson(access::View& view, const access::Tie& tie, const std::string& from_id);
nlohmann::json HopJson(access::View& view, const access::Hop& hop);

std::string EntityText(access::View& view, const access::Entity& e);
std::string TieText(access::View& view, const access::Tie& tie, const std::string& self);
using access::TieEvidence;

}  // namespace dossier::query
