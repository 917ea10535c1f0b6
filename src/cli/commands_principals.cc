// principals add-org | add-user | list.
#include <fmt/format.h>

#include <iostream>
#include <set>

#include "cli/commands.h"
#include "access/credentials.h"
#include "model/country.h"

namespace dossier::cli {
namespace {

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// Principals may be changed by the local analyst of a store without users,
// and afterwards by administrators only.
void RequireAdmin(Context& ctx) {
  auto& store = ctx.Store(true);
  if (store.Users().empty()) return;
  auto reader = [&] {
    try {
      return access::Reader::Resolve(store, ctx.UserName());
    } catch (const access::AccessError& e) {
      throw CommandError(kAccess, e.what());
    }
  }();
  if (reader.user().role != "admin") throw CommandError(kAccess, "only an administrator may change principals");
}

// Who is changing principals, for the audit log.
std::string Actor(Context& ctx) {
  return ctx.UserName().empty() ? std::string("local") : ctx.UserName();
}

// Upper-cased, checked codes, sorted and unique; CommandError naming `what`.
std::vector<std::string> Codes(const std::vector<std::string>& in, const char* what) {
  std::set<std::string> out;
  for (const auto& c : in) {
    const std::string code = Upper(c);
    if (code.empty() || code.size() > 16 || code.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") != std::string::npos)
      throw CommandError(kUsage, std::string(what) + " '" + c + "' must be letters, digits, - or _ (at most 16)");
    out.insert(code);
  }
  return {out.begin(), out.end()};
}

void AddOrg(Context& ctx, const std::string& code_in, const std::string& country_in, const std::string& name,
            const std::vector<std::string>& partners_in) {
  RequireAdmin(ctx);
  std::string code = Upper(code_in);
  if (code.empty() || code.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") != std::string::npos)
    throw CommandError(kUsage, "organisation code '" + code_in + "' must be letters, digits, - or _");
  auto alpha2 = model::NormaliseCountry(country_in);
  std::string alpha3 = alpha2 ? model::CountryAlpha3(*alpha2) : "";
  if (alpha3.empty()) throw CommandError(kUsage, "--country '" + country_in + "' is not a country (use ISO 3166 alpha-3, e.g. DEU)");
  const std::vector<std::string> partners = Codes(partners_in, "--partner");
  ctx.Store().PutOrganisation(model::Organisation{code, alpha3, name, partners});
  ctx.Store().AppendAudit(Actor(ctx), "principals",
                          nlohmann::json{{"add-org", code}, {"country", alpha3}, {"partners", partners}}.dump(), 1);
  if (ctx.json()) PrintJson({{"organisation", code}, {"country", alpha3}, {"partners", partners}});
  else std::cout << fmt::format("organisation {} ({}) recorded\n", code, alpha3);
}

void AddUser(Context& ctx, const std::string& name, const std::string& org, const std::string& clearance,
             const std::string& role, const std::vector<std::string>& compartments_in) {
  RequireAdmin(ctx);
  auto& store = ctx.Store();
  bool known = false;
  for (const auto& o : store.Organisations()) known |= o.code == Upper(org);
  if (!known) throw CommandError(kUsage, "unknown organisation '" + org + "' (add it with principals add-org)");
  int level = access::SchemeOf(store).Level(clearance);
  if (level < 0) throw CommandError(kUsage, "unknown clearance '" + clearance + "'");
  if (role != "reader" && role != "analyst" && role != "admin")
    throw CommandError(kUsage, "--role must be reader, analyst or admin");
  if (name.empty() || name == "local") throw CommandError(kUsage, "user name '" + name + "' is reserved or empty");
  const std::vector<std::string> compartments = Codes(compartments_in, "--compartment");
  store.PutUser(model::User{name, Upper(org), level, role, compartments});
  store.AppendAudit(Actor(ctx), "principals",
                    nlohmann::json{{"add-user", name}, {"org", Upper(org)}, {"clearance", level}, {"role", role},
                                   {"compartments", compartments}}.dump(),
                    1);
  if (ctx.json()) PrintJson({{"user", name}, {"organisation", Upper(org)}, {"clearance", access::SchemeOf(store).Name(level)}});
  else std::cout << fmt::format("user {} ({}, cleared {}) recorded\n", name, Upper(org), access::SchemeOf(store).Name(level));
}

// The password comes on standard input (first line), never on the command
// line, where other users of the machine could read it.
void Password(Context& ctx, const std::string& name) {
  RequireAdmin(ctx);
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  try {
    access::SetPassword(ctx.Store(), name, password);
  } catch (const std::invalid_argument& e) {
    throw CommandError(kUsage, e.what());
  }
  ctx.Store().AppendAudit(Actor(ctx), "principals", nlohmann::json{{"password", name}}.dump(), 1);
  if (ctx.json()) PrintJson({{"user", name}, {"password", "set"}});
  else std::cout << "password of " << name << " set (Argon2id)\n";
}

void Token(Context& ctx, const std::string& name) {
  RequireAdmin(ctx);
  access::IssuedToken t;
  try {
    t = access::IssueToken(ctx.Store(), name);
  } catch (const std::invalid_argument& e) {
    throw CommandError(kUsage, e.what());
  }
  ctx.Store().AppendAudit(Actor(ctx), "principals", nlohmann::json{{"token", name}, {"id", t.id}}.dump(), 1);
  if (ctx.json()) PrintJson({{"user", name}, {"id", t.id}, {"token", t.token}});
  else std::cout << t.token << "\n(shown once; revoke with: principals revoke-token " << t.id << ")\n";
}

void RevokeToken(Context& ctx, const std::string& id) {
  RequireAdmin(ctx);
  if (!ctx.Store().RevokeCredential("token", id)) throw CommandError(kNotFound, "no live token " + id);
  ctx.Store().AppendAudit(Actor(ctx), "principals", nlohmann::json{{"revoke-token", id}}.dump(), 1);
  if (ctx.json()) PrintJson({{"revoked", id}});
  else std::cout << "token " << id << " revoked\n";
}

void List(Context& ctx) {
  auto& store = ctx.Store();
  auto scheme = access::SchemeOf(store);
  auto orgs = store.Organisations();
  auto users = store.Users();
  if (ctx.json()) {
    nlohmann::json o = nlohmann::json::array(), u = nlohmann::json::array();
    for (const auto& x : orgs)
      o.push_back({{"code", x.code}, {"country", x.country}, {"name", x.name}, {"partners", x.partners}});
    for (const auto& x : users)
      u.push_back({{"name", x.name}, {"organisation", x.organisation}, {"clearance", scheme.Name(x.clearance)},
                   {"role", x.role}, {"compartments", x.compartments}});
    PrintJson({{"organisations", o}, {"users", u}});
    return;
  }
  if (users.empty()) std::cout << "no principals: the single local analyst sees everything\n";
  auto joined = [](const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& x : v) out += (out.empty() ? "" : sep) + x;
    return out;
  };
  for (const auto& x : orgs)
    std::cout << fmt::format("org  {:<10} {}  {}{}\n", x.code, x.country, x.name,
                             x.partners.empty() ? "" : "  partners: " + joined(x.partners, ", "));
  for (const auto& x : users)
    std::cout << fmt::format("user {:<16} {:<10} {:<14} {}{}\n", x.name, x.organisation, scheme.Name(x.clearance), x.role,
                             x.compartments.empty() ? "" : "  compartments: " + joined(x.compartments, "/"));
}

}  // namespace

void AddPrincipalCommands(CLI::App& app, Context& ctx) {
  auto* p = app.add_subcommand("principals", "organisations and users, and what they may see");
  p->require_subcommand(1);
  static std::string org_code, org_country, org_name;
  static std::vector<std::string> org_partners, user_compartments;
  auto* add_org = p->add_subcommand("add-org", "record an organisation");
  add_org->add_option("code", org_code, "organisation code (as in REL TO)")->required();
  add_org->add_option("--country", org_country, "ISO 3166 alpha-3 country")->required();
  add_org->add_option("--name", org_name, "full name");
  add_org->add_option("--partner", org_partners, "an organisation it shares with (repeatable)");
  add_org->callback([&] { AddOrg(ctx, org_code, org_country, org_name, org_partners); });

  static std::string user_name, user_org, user_clearance, user_role = "analyst";
  auto* add_user = p->add_subcommand("add-user", "record a user");
  add_user->add_option("name", user_name, "user name")->required();
  add_user->add_option("--org", user_org, "organisation code")->required();
  add_user->add_option("--clearance", user_clearance, "highest level the user may read")->required();
  add_user->add_option("--role", user_role, "reader | analyst | admin (default analyst)");
  add_user->add_option("--compartment", user_compartments, "a compartment the user is read into (repeatable)");
  add_user->callback([&] { AddUser(ctx, user_name, user_org, user_clearance, user_role, user_compartments); });

  p->add_subcommand("list", "list organisations and users")->callback([&] { List(ctx); });

  static std::string cred_user, token_id;
  auto* pw = p->add_subcommand("password", "set a user's password (read from standard input; stored as Argon2id)");
  pw->add_option("name", cred_user, "user name")->required();
  pw->callback([&] { Password(ctx, cred_user); });
  auto* tok = p->add_subcommand("token", "issue an API token for a user (printed once)");
  tok->add_option("name", cred_user, "user name")->required();
  tok->callback([&] { Token(ctx, cred_user); });
  auto* rev = p->add_subcommand("revoke-token", "revoke an API token by its id");
  rev->add_option("id", token_id, "the token's id (16 hex digits)")->required();
  rev->callback([&] { RevokeToken(ctx, token_id); });
}

}  // namespace dossier::cli
