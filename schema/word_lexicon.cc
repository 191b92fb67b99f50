#include "schema/word_lexicon.h"

namespace portaria::schema {

std::string WordLexiconKey(std::string_view word) {
  if (word.empty() || word.size() > kMaxLexiconWordBytes) return {};
  std::string key(kMetaWordPrefix);
  key.append(word);
  return key;
}

std::string EncodeLemmaKeys(const std::vector<std::string>& keys) {
  std::string value;
  for (const auto& k : keys) {
    if (!value.empty()) value += ' ';
    value += k;
  }
  return value;
}

bool DecodeLemmaKeys(std::string_view value, std::vector<std::string>* keys) {
  keys->clear();
  std::size_t from = 0;
  while (from <= value.size()) {
    std::size_t space = value.find(' ', from);
    std::string_view key =
        value.substr(from, space == std::string_view::npos ? value.npos : space - from);
    if (key.empty()) {  // an empty value, or two spaces in a row: not an entry of ours
      keys->clear();
      return false;
    }
    keys->emplace_back(key);
    if (space == std::string_view::npos) break;
    from = space + 1;
  }
  return !keys->empty();
}

}  // namespace portaria::schema
