#include "analysis/variety.h"

#include <algorithm>
#include <initializer_list>

namespace portaria::analysis {
namespace {

bool OneOf(std::string_view word, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), word) != set.end();
}

bool IsPossessive(std::string_view w) {
  return OneOf(w, {"meu", "minha", "meus", "minhas", "teu", "tua", "teus", "tuas", "nosso", "nossa",
                   "nossos", "nossas"});
}

// Definite articles and their contractions with a preposition: "o meu", "da minha", "aos nossos".
bool IsArticle(std::string_view w) {
  return OneOf(w, {"o",   "a",   "os", "as",  "do",   "da",   "dos",   "das",   "no",  "na",
                   "nos", "nas", "ao", "aos", "pelo", "pela", "pelos", "pelas", "num", "numa"});
}

bool IsEstar(std::string_view w) {
  return OneOf(w, {"estou", "estas", "esta", "estamos", "estao", "estava", "estavam", "estive",
                   "esteve", "estiveram", "ando", "anda", "andam"});
}

bool IsInfinitive(std::string_view w) {
  return w.size() > 3 && (w.ends_with("ar") || w.ends_with("er") || w.ends_with("ir"));
}

// Pronouns that join their verb with a hyphen in the European norm ("inscrever-se",
// "candidatar-me", "pô-lo").
bool IsEncliticPronoun(std::string_view w) {
  return OneOf(w, {"me", "te", "se", "lhe", "lhes", "nos", "vos", "lo", "la", "los", "las"});
}

// Pronouns that open a clause before their verb in the Brazilian norm ("me arrependi"). Not
// "se", which is also the conjunction ("se contratar uma empresa…").
bool IsProcliticPronoun(std::string_view w) { return OneOf(w, {"me", "te", "lhe"}); }

bool IsSubjectPronoun(std::string_view w) {
  return OneOf(w, {"eu", "voce", "ele", "ela", "nos", "voces", "eles", "elas"});
}

// What stands before token `i` in `question`: a hyphen joining it to the previous word
// ("inscrever-me"), or punctuation (or nothing: the first token) opening a clause.
struct Before {
  bool hyphen = false;
  bool clause_start = false;
};

Before BeforeToken(std::string_view question, const std::vector<Token>& tokens, std::size_t i) {
  std::size_t from = i == 0 ? 0 : tokens[i - 1].end;
  std::string_view gap = question.substr(from, tokens[i].begin - from);
  Before b;
  b.hyphen = i > 0 && gap == "-";
  b.clause_start = i == 0 || gap.find_first_of(".,;:?!()") != std::string_view::npos;
  return b;
}

}  // namespace

Variety QuestionVariety(std::string_view question, const std::vector<Token>& tokens) {
  bool european = false, brazilian = false;
  auto word = [&](std::size_t i) -> std::string_view { return tokens[i].surface; };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::string_view t = word(i);
    Before before = BeforeToken(question, tokens, i);
    bool last = i + 1 == tokens.size();
    if (t == "portugal" || t.starts_with("portugues")) european = true;
    if (t == "brasil" || t.starts_with("brasileir")) brazilian = true;
    if (IsPossessive(t) && !last) {
      if (i > 0 && IsArticle(word(i - 1)) && !before.clause_start) {
        european = true;
      } else if (before.clause_start || (i > 0 && IsSubjectPronoun(word(i - 1)))) {
        brazilian = true;
      }
    }
    if (IsEstar(t) && !last) {
      std::string_view next = word(i + 1);
      if (next == "a" && i + 2 < tokens.size() && IsInfinitive(word(i + 2))) european = true;
      if (next.size() > 4 && next.ends_with("ndo")) brazilian = true;
    }
    if (before.hyphen && IsEncliticPronoun(t)) european = true;
    if (IsProcliticPronoun(t) && !before.hyphen && !last &&
        (before.clause_start || (i > 0 && IsSubjectPronoun(word(i - 1))))) {
      brazilian = true;
    }
  }
  if (european == brazilian) return Variety::kUnknown;
  return european ? Variety::kEuropean : Variety::kBrazilian;
}

Variety DocumentVariety(std::string_view doc) {
  if (doc.starts_with("diploma:") || doc.starts_with("page:")) return Variety::kEuropean;
  if (doc.starts_with("/akn/br/")) return Variety::kBrazilian;
  if (doc.starts_with("/akn/pt/")) return Variety::kEuropean;
  return Variety::kUnknown;
}

}  // namespace portaria::analysis
