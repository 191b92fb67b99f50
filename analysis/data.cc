#include "analysis/data.h"

#include <cstddef>

namespace portaria::data {
extern const unsigned char kStopwordsData[];
extern const std::size_t kStopwordsDataSize;
extern const unsigned char kThesaurusData[];
extern const std::size_t kThesaurusDataSize;
extern const unsigned char kQuestionsData[];
extern const std::size_t kQuestionsDataSize;
}  // namespace portaria::data

namespace portaria::analysis {

std::string_view StopwordsData() {
  return {reinterpret_cast<const char*>(data::kStopwordsData), data::kStopwordsDataSize};
}
std::string_view ThesaurusData() {
  return {reinterpret_cast<const char*>(data::kThesaurusData), data::kThesaurusDataSize};
}
std::string_view QuestionsData() {
  return {reinterpret_cast<const char*>(data::kQuestionsData), data::kQuestionsDataSize};
}

std::string_view TrimData(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitData(std::string_view s, std::string_view sep) {
  std::vector<std::string_view> parts;
  while (true) {
    std::size_t at = s.find(sep);
    parts.push_back(TrimData(s.substr(0, at)));
    if (at == std::string_view::npos) break;
    s.remove_prefix(at + sep.size());
  }
  return parts;
}

void ForEachDataLine(std::string_view data, const std::function<void(std::string_view, int)>& fn) {
  int number = 0;
  while (!data.empty()) {
    std::size_t nl = data.find('\n');
    std::string_view line = data.substr(0, nl);
    data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
    ++number;
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
      line.remove_suffix(1);
    }
    if (line.empty() || line.front() == '#') continue;
    fn(line, number);
  }
}

}  // namespace portaria::analysis
