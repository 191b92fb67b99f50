// Splits a query string into free text, quoted phrases and field filters. A flat, single-pass
// scanner: no recursion, bounded by kMaxQueryBytes, so any input is safe.
#ifndef PORTARIA_SEARCHER_QUERY_PARSER_H_
#define PORTARIA_SEARCHER_QUERY_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

namespace portaria::searcher {

enum class Field { kUnit, kLetter, kSource };

struct Filter {
  Field field;
  std::string value;
};

struct ParsedQuery {
  std::string text;                  // the free words, phrases and filters removed
  std::vector<std::string> phrases;  // contents of "double-quoted" spans
  std::vector<Filter> filters;       // unidade:, alinea:, fonte: (value quoted or one word)
};

// Field names accepted before ':' (case and accents ignored): unidade/unit, alinea/letra,
// fonte/source. Anything else with a colon is ordinary text ("Atualizado em: ...").
ParsedQuery ParseQuery(std::string_view query);

}  // namespace portaria::searcher

#endif  // PORTARIA_SEARCHER_QUERY_PARSER_H_
