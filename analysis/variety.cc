#include "analysis/variety.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string>
#include <vector>

#include "analysis/text.h"

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

struct Word {
  std::string text;            // folded, accent-free
  bool clause_start = false;   // first of the text, or after punctuation
  bool hyphen_before = false;  // joined to the previous word by a hyphen
};

std::vector<Word> Words(std::string_view question) {
  std::string folded = FoldAndStrip(question);
  std::vector<Word> words;
  bool clause_start = true, hyphen = false;
  std::string current;
  auto flush = [&] {
    if (current.empty()) return;
    words.push_back({current, clause_start, hyphen});
    current.clear();
    clause_start = hyphen = false;
  };
  for (char c : folded) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      current.push_back(c);
      continue;
    }
    bool had_word = !current.empty();
    flush();
    if (c == '-' && had_word) {
      hyphen = true;
    } else if (c != ' ') {
      hyphen = false;
      if (c != '\'' && c != '"') clause_start = true;
    }
  }
  flush();
  return words;
}

}  // namespace

Variety QuestionVariety(std::string_view question) {
  std::vector<Word> w = Words(question);
  bool european = false, brazilian = false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const std::string& t = w[i].text;
    if (t == "portugal" || t.starts_with("portugues")) european = true;
    if (t == "brasil" || t.starts_with("brasileir")) brazilian = true;
    if (IsPossessive(t) && i + 1 < w.size()) {
      if (i > 0 && IsArticle(w[i - 1].text) && !w[i].clause_start) {
        european = true;
      } else if (w[i].clause_start || (i > 0 && IsSubjectPronoun(w[i - 1].text))) {
        brazilian = true;
      }
    }
    if (IsEstar(t) && i + 1 < w.size()) {
      const std::string& next = w[i + 1].text;
      if (next == "a" && i + 2 < w.size() && IsInfinitive(w[i + 2].text)) european = true;
      if (next.size() > 4 && next.ends_with("ndo")) brazilian = true;
    }
    if (w[i].hyphen_before && IsEncliticPronoun(t)) european = true;
    if (IsProcliticPronoun(t) && !w[i].hyphen_before && i + 1 < w.size() &&
        (w[i].clause_start || (i > 0 && IsSubjectPronoun(w[i - 1].text)))) {
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
