#include "schema/features.h"

#include <array>
#include <cstdint>
#include <string>

namespace portaria::schema {
namespace {

std::array<std::string Features::*, 7> Fields() {
  return {&Features::id,       &Features::doc,          &Features::unit, &Features::source,
          &Features::collapse, &Features::answer_types, &Features::date};
}

void PutNumber(std::uint64_t n, std::string* out) {
  do {
    unsigned char byte = n & 0x7f;
    n >>= 7;
    out->push_back(static_cast<char>(n ? byte | 0x80 : byte));
  } while (n);
}

// Reads a number of at most 32 bits at *at; false if cut short or longer.
bool GetNumber(std::string_view data, std::size_t* at, std::uint64_t* n) {
  *n = 0;
  for (int shift = 0;; shift += 7) {
    if (*at >= data.size() || shift > 28) return false;
    unsigned char byte = static_cast<unsigned char>(data[(*at)++]);
    *n |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return *n <= UINT32_MAX;
  }
}

}  // namespace

std::string EncodeFeatures(const Features& features) {
  std::string out;
  for (auto field : Fields()) {
    const std::string& value = features.*field;
    PutNumber(value.size(), &out);
    out += value;
  }
  PutNumber(features.length, &out);
  return out;
}

bool DecodeFeatures(std::string_view data, Features* features) {
  std::size_t at = 0;
  std::uint64_t n = 0;
  for (auto field : Fields()) {
    if (!GetNumber(data, &at, &n) || n > data.size() - at) return false;
    (features->*field).assign(data.substr(at, n));
    at += n;
  }
  if (!GetNumber(data, &at, &n)) return false;
  features->length = static_cast<std::uint32_t>(n);
  return at == data.size();
}

}  // namespace portaria::schema
