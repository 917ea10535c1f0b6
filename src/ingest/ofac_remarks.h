// The Remarks column of OFAC's SDN.CSV: "; "-separated statements such as
//   a.k.a. 'BNC'; DOB 07 Sep 1960; alt. DOB 1962; POB St. Petersburg, Russia;
//   nationality Russia; Gender Male; Passport 722759197 (Russia) issued ...;
//   Tax ID No. 7706107510 (Russia); Linked To: HIZBALLAH.
//
// Contract: ApplyOfacRemarks() puts every statement it recognises into its
// FtM property on `record` (ListRecord keeps what does not validate as a note)
// and every statement it does not recognise into notes verbatim, so nothing
// the list says is dropped. "Linked To:" targets are returned, as written
// (with any trailing full stop), for the caller to resolve against the whole
// list. OFAC cuts Remarks at 1,000 characters; a statement cut short is kept
// as a note, never read as a (wrong) alias or number.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "ingest/list_record.h"

namespace dossier::ingest {

std::vector<std::string> ApplyOfacRemarks(std::string_view remarks, ListRecord& record);

// The dates an OFAC date (a DOB, an establishment date) stands for: "07 Sep
// 1960", "circa 1960" and "Sep 1960" give one; "1960 to 1962" gives each year
// (YearsBetween); "01 Jan 1965 to 31 Dec 1967" gives both ends. Empty when the
// text is no date we can read.
std::vector<std::string> OfacDates(std::string_view text);

}  // namespace dossier::ingest
