// Schema and analyzer versions recorded in a database and checked on every open, so a database
// built by another version is a clear error rather than silently wrong results.
#ifndef PORTARIA_SCHEMA_VERSIONS_H_
#define PORTARIA_SCHEMA_VERSIONS_H_

#include <xapian.h>

#include <string>
#include <string_view>

#include "portaria/status.h"

namespace portaria::schema {

// ok if `db` is empty (never written) or records exactly these versions.
Status CheckVersions(const Xapian::Database& db, std::string_view analyzer_version,
                     const std::string& path);
void WriteVersions(Xapian::WritableDatabase& db, std::string_view analyzer_version);

}  // namespace portaria::schema

#endif  // PORTARIA_SCHEMA_VERSIONS_H_
