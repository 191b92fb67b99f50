#include "schema/record_codec.h"

#include <nlohmann/json.hpp>

namespace portaria::schema {
namespace {

// Field name <-> member, in one table so encoding and decoding cannot drift apart.
struct Field {
  const char* name;
  std::string Paragraph::*member;
};
constexpr Field kFields[] = {
    {"id", &Paragraph::id},
    {"text", &Paragraph::text},
    {"unit", &Paragraph::unit},
    {"letter", &Paragraph::letter},
    {"source", &Paragraph::source},
    {"section", &Paragraph::section},
    {"article", &Paragraph::article},
    {"number", &Paragraph::number},
    {"context", &Paragraph::context},
    {"summary", &Paragraph::summary},
    {"date", &Paragraph::date},
    {"doc", &Paragraph::doc},
    {"file", &Paragraph::file},
    {"subitem", &Paragraph::subitem},
    {"acronyms", &Paragraph::acronyms},
};

}  // namespace

std::string EncodeRecord(const Paragraph& paragraph) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& f : kFields) {
    const std::string& value = paragraph.*f.member;
    if (!value.empty() || f.member == &Paragraph::id || f.member == &Paragraph::text) {
      j[f.name] = value;
    }
  }
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool DecodeRecord(const std::string& data, Paragraph* paragraph) {
  auto j = nlohmann::json::parse(data, nullptr, false);
  if (!j.is_object()) return false;
  // Every field is set, an absent one to empty (EncodeRecord leaves empty ones out): a
  // Paragraph decoded into again must not keep the last record's context or headings.
  for (const auto& f : kFields) {
    auto it = j.find(f.name);
    if (it != j.end() && it->is_string()) {
      paragraph->*f.member = it->get<std::string>();
    } else {
      (paragraph->*f.member).clear();
    }
  }
  return true;
}

}  // namespace portaria::schema
