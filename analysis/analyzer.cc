#include "analysis/analyzer.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <unordered_set>

#include "analysis/data.h"
#include "analysis/lemmatizer.h"
#include "analysis/text.h"

namespace portaria::analysis {
namespace {

const std::unordered_set<std::string>& Stopwords() {
  static const auto* words = [] {
    auto* set = new std::unordered_set<std::string>();
    ForEachDataLine(StopwordsData(),
                    [&](std::string_view line, int) { set->insert(FoldAndStrip(line)); });
    return set;
  }();
  return *words;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Drops an ordinal mark and the dot before it: "12.º" -> "12", "1ª" -> "1", "n.º" -> "n".
void StripOrdinal(std::string* word) {
  for (std::string_view mark : {"º", "ª", "°"}) {
    if (word->size() > mark.size() && word->ends_with(mark)) {
      word->resize(word->size() - mark.size());
      if (word->size() > 1 && word->back() == '.') word->pop_back();
      return;
    }
  }
}

// "9.784" -> "9784"; other words unchanged.
std::string NormalizeNumber(std::string word) {
  if (word.empty() || !IsDigit(word.front())) return word;
  bool digits_and_dots = true;
  for (char c : word) digits_and_dots &= IsDigit(c) || c == '.';
  if (!digits_and_dots) return word;
  std::string out;
  for (char c : word) {
    if (c != '.') out.push_back(c);
  }
  return out;
}

// An acronym is written in capitals, 2 to 5 of them: "IAS", "DOU", "ECA", "CNPD". It is its own
// key: read as a word, "IAS" is a form of "ir", "DOU" of "dar" and "LOAS" of "loar", so the
// thesaurus's "IAS | indexante dos apoios sociais" expanded every question with "ir" in it.
bool IsAcronym(std::string_view word) {
  if (word.size() < 2 || word.size() > 5) return false;
  return std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// A text in capitals throughout, of more than one word ("QUEM PAGA PENSÕES", a heading set in
// capitals): its short words are words, not acronyms. A single word in capitals is an acronym.
bool Shouting(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') return false;
    bool letter = (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
    if (letter && !in_word) ++words;
    in_word = letter;
  }
  return words > 1;
}

}  // namespace

Analyzer::Analyzer(Lemmatizer* lemmatizer)
    : lemmatizer_(lemmatizer != nullptr ? lemmatizer : &Lemmatizer::Shared()) {
  UErrorCode status = U_ZERO_ERROR;
  words_.reset(icu::BreakIterator::createWordInstance(icu::Locale("pt"), status));
  if (U_FAILURE(status) || !words_) {
    throw std::runtime_error(std::string("ICU word break iterator: ") + u_errorName(status));
  }
}

Analyzer::~Analyzer() = default;

bool Analyzer::IsStopword(std::string_view surface) {
  return Stopwords().count(std::string(surface)) != 0;
}

std::string Analyzer::SurfaceOf(std::string_view word) {
  std::string folded = Fold(word);
  StripOrdinal(&folded);
  return NormalizeNumber(StripAccents(folded));
}

bool Analyzer::SurfaceToken(std::string_view word, Token* token, std::string* folded_out) {
  std::string folded = Fold(word);
  StripOrdinal(&folded);
  if (folded == "º" || folded == "ª" || folded == "°") return false;  // not a word
  token->surface = NormalizeNumber(StripAccents(folded));
  token->numeric = !token->surface.empty() && IsDigit(token->surface.front());
  token->stop = IsStopword(token->surface);
  if (folded_out != nullptr) *folded_out = std::move(folded);
  return !token->surface.empty();  // e.g. only combining marks: no word either
}

const Token* Analyzer::WordAnalysis(std::string_view word) {
  // Words repeat (a few thousand make most of any legal text), so each analyser remembers what
  // it made of a word as written: no folding, ICU conversion or lemma lookup the second time.
  auto it = words_seen_.find(word);
  if (it != words_seen_.end()) return it->second.surface.empty() ? nullptr : &it->second;
  if (words_seen_.size() >= kMaxWordsSeen) words_seen_.clear();
  Token token;
  std::string folded;
  if (SurfaceToken(word, &token, &folded) && !token.stop) {
    if (token.numeric) {
      token.keys.push_back(token.surface);
    } else {
      token.keys = lemmatizer_->Lemmas(folded);
      // A form of an auxiliary the stopword list stops in its common forms (teve, será,
      // estivesse, houver: ter, ser, estar, haver) is stopped too; a form that is also another
      // word keeps that word's key only (estado: estado, not estar).
      std::erase_if(token.keys, [](const std::string& k) { return IsStopword(k); });
      if (token.keys.empty()) token.stop = true;
    }
  }
  auto [entry, inserted] = words_seen_.emplace(std::string(word), std::move(token));
  return entry->second.surface.empty() ? nullptr : &entry->second;
}

template <typename WordToken>
void Analyzer::Walk(std::string_view text, std::vector<Token>* tokens, WordToken word_token) {
  tokens->clear();
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  words_->setText(ut, status);
  std::uint32_t position = 0;
  int32_t start = words_->first();
  for (int32_t end = words_->next(); end != icu::BreakIterator::DONE;
       start = end, end = words_->next()) {
    if (words_->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
    std::string_view word = text.substr(start, end - start);
    ++position;
    if (word.size() > kMaxWordBytes) continue;
    Token token;
    if (!word_token(word, &token)) {
      --position;  // a stray ordinal mark is not a word
      continue;
    }
    token.position = position;
    token.begin = static_cast<std::uint32_t>(start);
    token.end = static_cast<std::uint32_t>(end);
    tokens->push_back(std::move(token));
  }
  utext_close(ut);
}

void Analyzer::Analyze(std::string_view text, std::vector<Token>* tokens) {
  // Whether the text is all capitals is asked only once it holds a word that may be an acronym.
  enum { kUnknown, kShouting, kNot } shouting = kUnknown;
  Walk(text, tokens, [&](std::string_view word, Token* token) {
    const Token* analysed = WordAnalysis(word);
    if (analysed == nullptr) return false;
    *token = *analysed;
    if (!token->stop && !token->numeric && IsAcronym(word)) {
      if (shouting == kUnknown) shouting = Shouting(text) ? kShouting : kNot;
      if (shouting == kNot) token->keys.assign(1, token->surface);
    }
    return true;
  });
}

void Analyzer::Segment(std::string_view text, std::vector<Token>* tokens) {
  Walk(text, tokens,
       [](std::string_view word, Token* token) { return SurfaceToken(word, token, nullptr); });
}

}  // namespace portaria::analysis
