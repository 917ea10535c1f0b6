#include "access/reader.h"

#include <algorithm>

namespace dossier::access {

model::ClassificationScheme SchemeOf(store::Store& store) {
  std::string levels = store.Meta("classification_levels");
  if (levels.empty()) return model::ClassificationScheme::Default();
  std::vector<std::string> names;
  size_t i = 0;
  while (i <= levels.size()) {
    size_t j = levels.find('|', i);
    names.push_back(levels.substr(i, j == std::string::npos ? std::string::npos : j - i));
    if (j == std::string::npos) break;
    i = j + 1;
  }
  return model::ClassificationScheme(names);
}

Reader Reader::Everything() {
  Reader r;
  r.everything_ = true;
  r.user_.name = "local";
  r.user_.role = "admin";
  return r;
}

Reader::Reader(model::User user, model::Organisation org, std::map<std::string, std::string> org_countries,
               model::ClassificationScheme scheme)
    : user_(std::move(user)), org_(std::move(org)), org_countries_(std::move(org_countries)), scheme_(std::move(scheme)) {}

Reader Reader::Resolve(store::Store& store, const std::string& as_user) {
  auto users = store.Users();
  if (users.empty()) {
    if (!as_user.empty() && as_user != "local")
      throw AccessError("no such user '" + as_user + "': this store has no principals; omit --as");
    Reader r = Everything();
    r.scheme_ = SchemeOf(store);
    return r;
  }
  if (as_user.empty())
    throw AccessError("this store has principals: say who you are with --as USER (or DOSSIER_USER)");
  auto it = std::find_if(users.begin(), users.end(), [&](const model::User& u) { return u.name == as_user; });
  if (it == users.end()) throw AccessError("no such user '" + as_user + "'");
  std::map<std::string, std::string> countries;
  model::Organisation org;
  for (const auto& o : store.Organisations()) {
    countries[o.code] = o.country;
    if (o.code == it->organisation) org = o;
  }
  if (org.code.empty()) throw AccessError("user '" + as_user + "' belongs to unknown organisation '" + it->organisation + "'");
  return Reader(*it, org, countries, SchemeOf(store));
}

bool Reader::CanSee(const model::Marking& m) const {
  if (everything_) return true;
  if (m.level > user_.clearance) return false;
  // Read into every compartment (both lists are sorted).
  if (!std::includes(user_.compartments.begin(), user_.compartments.end(), m.compartments.begin(), m.compartments.end()))
    return false;
  if (!m.originator.empty() && m.originator == org_.code) return true;
  if (m.noforn) {
    auto it = org_countries_.find(m.originator);
    return it != org_countries_.end() && !it->second.empty() && it->second == org_.country;
  }
  if (m.rel_to.empty()) return true;
  return std::binary_search(m.rel_to.begin(), m.rel_to.end(), org_.code) ||
         (!org_.country.empty() && std::binary_search(m.rel_to.begin(), m.rel_to.end(), org_.country));
}

bool Reader::SeesSourceIdentity(const model::Source& source, const model::Marking& marking) const {
  if (everything_) return true;
  if (!source.is_protected && !marking.source_protected) return true;
  const std::string& owner = source.originator.empty() ? marking.originator : source.originator;
  return !owner.empty() && owner == org_.code;
}

}  // namespace dossier::access
