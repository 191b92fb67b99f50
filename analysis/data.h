// Access to the data files compiled into the library (schema/stopwords-pt.txt,
// schema/thesaurus.txt) and a line reader for their shared "# comment" format.
#ifndef PORTARIA_ANALYSIS_DATA_H_
#define PORTARIA_ANALYSIS_DATA_H_

#include <functional>
#include <string_view>
#include <vector>

namespace portaria::analysis {

std::string_view StopwordsData();
std::string_view ThesaurusData();
std::string_view QuestionsData();

// Trims spaces and tabs at both ends.
std::string_view TrimData(std::string_view s);

// Splits at every `sep`, trimming each part ("a | b" -> {"a", "b"}); empty parts are kept.
std::vector<std::string_view> SplitData(std::string_view s, std::string_view sep);

// Calls `fn(line, line_number)` for every line that is neither blank nor a '#' comment, with
// surrounding white space trimmed. Line numbers are 1-based.
void ForEachDataLine(std::string_view data, const std::function<void(std::string_view, int)>& fn);

}  // namespace portaria::analysis

#endif  // PORTARIA_ANALYSIS_DATA_H_
