// Xapian's exceptions as portaria Statuses, one mapping for every place that catches them, so
// that a corrupt database is reported as corruption wherever it is met.
#ifndef PORTARIA_SCHEMA_XAPIAN_ERROR_H_
#define PORTARIA_SCHEMA_XAPIAN_ERROR_H_

#include <xapian.h>

#include <string>

#include "portaria/status.h"

namespace portaria::schema {

// kCorruption for Xapian::DatabaseCorruptError, kLocked for Xapian::DatabaseLockError, else
// kIOError; the message is Xapian's description, the file `path`.
Status StatusFromXapian(const Xapian::Error& error, const std::string& path);

}  // namespace portaria::schema

#endif  // PORTARIA_SCHEMA_XAPIAN_ERROR_H_
