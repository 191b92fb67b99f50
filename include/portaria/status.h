// Status: the outcome of an operation that can fail, as a value (no exceptions cross the API).
//
// A failed status names what failed and, where known, the file and the 1-based line and column.
// Thread-safety: a Status is an immutable value; copies are independent.
#ifndef PORTARIA_STATUS_H_
#define PORTARIA_STATUS_H_

#include <string>
#include <utility>

namespace portaria {

// [[nodiscard]]: a Status is the only report of a failure (nothing throws), so ignoring one is
// a compile-time warning, and the build has none.
class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,
    kNotFound,
    kCorruption,
    kVersionMismatch,
    kLocked,
    kIOError,
    kInternal
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(Code code, std::string message, std::string file = {}, int line = 0,
                      int column = 0) {
    Status s;
    s.code_ = code;
    s.message_ = std::move(message);
    s.file_ = std::move(file);
    s.line_ = line;
    s.column_ = column;
    return s;
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& file() const { return file_; }
  int line() const { return line_; }
  int column() const { return column_; }

  // "FILE:LINE:COLUMN: message" with the parts that are known; "ok" when ok.
  std::string ToString() const {
    if (ok()) return "ok";
    std::string out;
    if (!file_.empty()) {
      out += file_;
      if (line_ > 0) {
        out += ":" + std::to_string(line_);
        if (column_ > 0) out += ":" + std::to_string(column_);
      }
      out += ": ";
    }
    return out + message_;
  }

 private:
  Code code_ = Code::kOk;
  std::string message_;
  std::string file_;
  int line_ = 0;
  int column_ = 0;
};

}  // namespace portaria

#endif  // PORTARIA_STATUS_H_
