#include "analysis/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cctype>

namespace portaria::analysis {
namespace {

const icu::Normalizer2& NfcInstance() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  return *nfc;
}

const icu::Normalizer2& NfdInstance() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  return *nfd;
}

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

}  // namespace

bool IsAscii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

std::string Nfc(std::string_view text) {
  if (IsAscii(text)) return std::string(text);
  auto s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  UErrorCode status = U_ZERO_ERROR;
  if (NfcInstance().isNormalized(s, status) && U_SUCCESS(status)) return ToUtf8(s);
  status = U_ZERO_ERROR;
  icu::UnicodeString out = NfcInstance().normalize(s, status);
  return U_SUCCESS(status) ? ToUtf8(out) : ToUtf8(s);
}

std::string Fold(std::string_view text) {
  if (IsAscii(text)) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }
  auto s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  s.foldCase();
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out = NfcInstance().normalize(s, status);
  return U_SUCCESS(status) ? ToUtf8(out) : ToUtf8(s);
}

std::string StripAccents(std::string_view text) {
  if (IsAscii(text)) return std::string(text);
  auto s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed = NfdInstance().normalize(s, status);
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) kept.append(c);
    i += U16_LENGTH(c);
  }
  status = U_ZERO_ERROR;
  icu::UnicodeString out = NfcInstance().normalize(kept, status);
  return ToUtf8(U_SUCCESS(status) ? out : kept);
}

std::string FoldAndStrip(std::string_view text) { return StripAccents(Fold(text)); }

bool IsValidUtf8(std::string_view text, std::size_t* bad_offset) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    // Reject errors, surrogates (U8_NEXT already does) and non-characters stay accepted.
    if (c < 0) {
      if (bad_offset != nullptr) *bad_offset = static_cast<std::size_t>(start);
      return false;
    }
  }
  return true;
}

std::string ClipUtf8(std::string s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  s.resize(end);
  return s;
}

std::string NormalizeSpace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0 && (u_isUWhiteSpace(c) || c == 0xA0)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(text.substr(start, i - start));
  }
  return out;
}

}  // namespace portaria::analysis
