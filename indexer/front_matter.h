// A Markdown front matter: the "---" / "key: value" / "---" block a repository of the law or a
// site's generator heads a file with. Its lines are metadata, not the text; the diploma reader
// takes an act's title, sumário and date of publication from it where the text lacks them
// (schema/DIPLOMAS.md), and the page reader leaves it out.
#ifndef PORTARIA_INDEXER_FRONT_MATTER_H_
#define PORTARIA_INDEXER_FRONT_MATTER_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace portaria::indexer {

struct FrontMatter {
  // The lines it takes, both "---" included; 0 when the file opens with none (or the block is
  // not closed within 200 lines).
  int lines = 0;
  // Each "key: value" line's value, trimmed, its quotes removed ('…' or "…", with "\"" and
  // "''" read as the quote they escape); the first of a key repeated.
  std::map<std::string, std::string, std::less<>> fields;

  // The value of `key`, "" if the front matter has none.
  std::string_view Field(std::string_view key) const;
};

FrontMatter ReadFrontMatter(std::string_view content);

}  // namespace portaria::indexer

#endif  // PORTARIA_INDEXER_FRONT_MATTER_H_
