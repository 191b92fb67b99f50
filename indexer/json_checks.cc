#include "indexer/json_checks.h"

#include <nlohmann/json.hpp>

namespace portaria::indexer {
namespace {

using Json = nlohmann::json;

// Accepts every event and keeps the first error's position and message.
class ErrorLocator : public nlohmann::json_sax<Json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    error_.offset = position;
    error_.message = Describe(ex.what());
    return false;
  }
  const JsonError& error() const { return error_; }

 private:
  // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..." ->
  // "syntax error ...": the position is reported separately, relative to the file.
  static std::string Describe(std::string_view what) {
    std::size_t at = what.find("column ");
    if (at != std::string_view::npos) {
      std::size_t colon = what.find(": ", at);
      if (colon != std::string_view::npos) what.remove_prefix(colon + 2);
    }
    return "invalid JSON: " + std::string(what);
  }
  JsonError error_;
};

}  // namespace

std::size_t OffsetTooDeep(std::string_view json) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxJsonDepth) return i;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return std::string_view::npos;
}

JsonError LocateJsonError(std::string_view json) {
  ErrorLocator locator;
  Json::sax_parse(json.begin(), json.end(), &locator);
  return locator.error();
}

}  // namespace portaria::indexer
