#include "schema/xapian_error.h"

#include <string_view>

namespace portaria::schema {

Status StatusFromXapian(const Xapian::Error& error, const std::string& path) {
  // Xapian::Error has no virtual functions (no dynamic_cast); its type is named by get_type().
  std::string_view type = error.get_type();
  Status::Code code = Status::Code::kIOError;
  if (type == "DatabaseCorruptError") {
    code = Status::Code::kCorruption;
  } else if (type == "DatabaseLockError") {
    code = Status::Code::kLocked;
  }
  return Status::Error(code, error.get_description(), path);
}

}  // namespace portaria::schema
