#include "analysis/citation.h"

#include <algorithm>
#include <array>

namespace portaria::analysis {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool IsRoman(std::string_view s) {
  if (s.empty() || s.size() > 8) return false;
  for (char c : s) {
    if (c != 'i' && c != 'v' && c != 'x' && c != 'l' && c != 'c') return false;
  }
  return true;
}

constexpr std::array<std::string_view, 12> kMonths = {
    "janeiro", "fevereiro", "marco",    "abril",   "maio",     "junho",
    "julho",   "agosto",    "setembro", "outubro", "novembro", "dezembro"};

class Scanner {
 public:
  Scanner(std::string_view text, const std::vector<Token>& tokens) : text_(text), t_(tokens) {}

  std::vector<Citation> Run() {
    for (std::size_t i = 0; i < t_.size();) {
      std::size_t next = Diploma(i);
      if (next == i) next = Article(i);
      if (next == i) next = Letter(i);
      if (next == i) next = Number(i);
      i = next == i ? i + 1 : next;
    }
    return std::move(out_);
  }

 private:
  std::string_view S(std::size_t i) const {
    return i < t_.size() ? std::string_view(t_[i].surface) : "";
  }
  // Raw text between token i-1 and token i.
  std::string_view Gap(std::size_t i) const {
    std::size_t from = i == 0 ? 0 : t_[i - 1].end;
    return i < t_.size() ? text_.substr(from, t_[i].begin - from) : text_.substr(from);
  }
  std::size_t SkipNumberWord(std::size_t i) const {  // "n.º", "nº", "no", "número"
    return (S(i) == "n" || S(i) == "no" || S(i) == "numero" || S(i) == "nr") ? i + 1 : i;
  }
  void Add(Citation c, std::size_t first, std::size_t last) {
    c.first_token = first;
    c.last_token = last;
    out_.push_back(std::move(c));
  }

  std::size_t Diploma(std::size_t i) {
    std::string type;
    std::size_t j = i + 1;
    std::string_view w = S(i);
    if (w == "portaria" || w == "despacho" || w == "resolucao") {
      type = std::string(w);
    } else if (w == "dl") {
      type = "decreto-lei";
    } else if (w == "lc") {
      type = "lei-complementar";
    } else if (w == "mp") {
      type = "medida-provisoria";
    } else if (w == "lei") {
      type = "lei";
      if (S(j) == "complementar") type = "lei-complementar", ++j;
    } else if (w == "decreto") {
      type = "decreto";
      // "Decreto-Lei", or "Decreto Lei" as typed in a query: a number must follow either way.
      if (S(j) == "lei" &&
          (Gap(j).find('-') != std::string_view::npos || AllDigits(S(SkipNumberWord(j + 1))))) {
        type = "decreto-lei", ++j;
      }
    } else if (w == "medida" && S(j) == "provisoria") {
      type = "medida-provisoria", ++j;
    } else {
      return i;
    }
    j = SkipNumberWord(j);
    if (!AllDigits(S(j))) return i;
    Citation c{Citation::Kind::kDiploma, type, std::string(S(j)), "", "", 0, 0};
    std::size_t last = j++;
    if (j < t_.size() && Gap(j).find('/') != std::string_view::npos && AllDigits(S(j))) {
      c.year = std::string(S(j));
      if (c.year.size() == 2) c.year = (c.year[0] <= '3' ? "20" : "19") + c.year;
      last = j++;
    } else if (S(j) == "de" && AllDigits(S(j + 1)) && S(j + 2) == "de" &&
               std::find(kMonths.begin(), kMonths.end(), S(j + 3)) != kMonths.end() &&
               S(j + 4) == "de" && AllDigits(S(j + 5)) && S(j + 5).size() == 4) {
      c.year = std::string(S(j + 5));  // "Lei n.º 9.784, de 29 de janeiro de 1999"
      last = j + 5;
      j += 6;
    }
    if (c.year.size() != 4 && !c.year.empty()) c.year.clear();
    Add(std::move(c), i, last);
    return last + 1;
  }

  std::size_t Article(std::size_t i) {
    std::string_view w = S(i);
    // A lei de bases's "base XII" / "base 12": the base is its article, numbered as the index
    // stores it ("XII", folded).
    if (w == "base" && (IsRoman(S(i + 1)) || AllDigits(S(i + 1)))) {
      Add({Citation::Kind::kArticle, "", "", "", std::string(S(i + 1)), 0, 0}, i, i + 1);
      return i + 2;
    }
    if (w != "art" && w != "arts" && w != "artigo" && w != "artigos") return i;
    if (!AllDigits(S(i + 1))) return i;
    Add({Citation::Kind::kArticle, "", "", "", std::string(S(i + 1)), 0, 0}, i, i + 1);
    return i + 2;
  }

  std::size_t Letter(std::size_t i) {
    std::string_view w = S(i);
    bool alinea = w == "alinea" || w == "al";
    // A subalínea "ii)" is numbered as an inciso is.
    bool inciso = w == "inciso" || w == "inc" || w == "subalinea";
    if (!alinea && !inciso) return i;
    std::string_view v = S(i + 1);
    bool ok = alinea ? (v.size() == 1 && v[0] >= 'a' && v[0] <= 'z') : IsRoman(v);
    if (!ok) return i;
    Add({Citation::Kind::kLetter, "", "", "", std::string(v), 0, 0}, i, i + 1);
    return i + 2;
  }

  std::size_t Number(std::size_t i) {
    std::string_view w = S(i);
    if ((w == "paragrafo") && S(i + 1) == "unico") {
      Add({Citation::Kind::kNumber, "", "", "", "unico", 0, 0}, i, i + 1);
      return i + 2;
    }
    if (AllDigits(w) && Gap(i).find("§") != std::string_view::npos) {
      Add({Citation::Kind::kNumber, "", "", "", std::string(w), 0, 0}, i, i);
      return i + 1;
    }
    if ((w == "n" || w == "numero" || w == "paragrafo") && AllDigits(S(i + 1))) {
      Add({Citation::Kind::kNumber, "", "", "", std::string(S(i + 1)), 0, 0}, i, i + 1);
      return i + 2;
    }
    return i;
  }

  std::string_view text_;
  const std::vector<Token>& t_;
  std::vector<Citation> out_;
};

}  // namespace

std::vector<Citation> FindCitations(std::string_view text, const std::vector<Token>& tokens) {
  return Scanner(text, tokens).Run();
}

std::string DiplomaKey(const Citation& c, bool with_year) {
  std::string key = c.type + ":" + c.number;
  if (with_year && !c.year.empty()) key += "/" + c.year;
  return key;
}

}  // namespace portaria::analysis
