#include "indexer/markup.h"

#include "analysis/text.h"

namespace portaria::indexer {

std::string StripEmphasis(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '*' && c != '_') out.push_back(c);
  }
  return analysis::NormalizeSpace(out);
}

std::string Slug(std::string_view text) {
  std::string folded = analysis::FoldAndStrip(text), slug;
  for (char c : folded) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      slug.push_back(c);
    } else if (!slug.empty() && slug.back() != '-') {
      slug.push_back('-');
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

}  // namespace portaria::indexer
