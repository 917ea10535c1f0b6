// The formats dossier reads. Each parser turns one file into entity records
// (record_sink.h) and throws IngestError on malformed input.
//
//   ftm         FollowTheMoney entities, JSON lines (OpenSanctions exports)
//   statements  nomenklatura's statement CSV, with dossier's grading columns
//   csv         any CSV, through a mapping file (mapping.h)
//   ofac-sdn    the US Treasury SDN list, SDN.CSV
//   un-sc       the UN Security Council consolidated list, XML
//   stix        a STIX 2.1 bundle: identities and relationships (stix.cc)
#pragma once
#include <istream>
#include <string>

#include "ingest/record_sink.h"

namespace dossier::ingest {

void ReadFtm(std::istream& in, const std::string& file, const RecordSink& sink, const ProgressFn& progress = {});
void ReadStatementsCsv(std::istream& in, const std::string& file, const RecordSink& sink,
                       const ProgressFn& progress = {});
void ReadOfacSdn(std::istream& in, const std::string& file, const RecordSink& sink, const ProgressFn& progress = {});
void ReadStix(std::istream& in, const std::string& file, const RecordSink& sink, const ProgressFn& progress = {});
void ReadUnSc(std::istream& in, const std::string& file, const RecordSink& sink, const ProgressFn& progress = {});

}  // namespace dossier::ingest
