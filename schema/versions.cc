#include "schema/versions.h"

#include "schema/schema.h"

namespace portaria::schema {

Status CheckVersions(const Xapian::Database& db, std::string_view analyzer_version,
                     const std::string& path) {
  std::string schema = db.get_metadata(std::string(kMetaSchemaVersion));
  std::string analyzer = db.get_metadata(std::string(kMetaAnalyzerVersion));
  if (schema.empty() && analyzer.empty()) {
    if (db.get_doccount() == 0) return Status::Ok();
    return Status::Error(Status::Code::kVersionMismatch,
                         "not a portaria database (no schema version recorded)", path);
  }
  if (schema != kSchemaVersion || analyzer != analyzer_version) {
    return Status::Error(Status::Code::kVersionMismatch,
                         "database built with schema " + schema + " / analyzer " + analyzer +
                             ", this program uses schema " + std::string(kSchemaVersion) +
                             " / analyzer " + std::string(analyzer_version) +
                             "; re-index into a new database",
                         path);
  }
  return Status::Ok();
}

void WriteVersions(Xapian::WritableDatabase& db, std::string_view analyzer_version) {
  db.set_metadata(std::string(kMetaSchemaVersion), std::string(kSchemaVersion));
  db.set_metadata(std::string(kMetaAnalyzerVersion), std::string(analyzer_version));
}

}  // namespace portaria::schema
