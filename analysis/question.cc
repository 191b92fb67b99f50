#include "analysis/question.h"

#include <algorithm>
#include <cstdlib>

#include "analysis/data.h"
#include "analysis/text.h"

namespace portaria::analysis {
namespace {

// A pattern word matches a question word with the same surface form or a shared lemma.
bool WordMatches(const Token& pattern, const Token& word) {
  if (pattern.surface == word.surface) return true;
  for (const auto& k : pattern.keys) {
    if (std::find(word.keys.begin(), word.keys.end(), k) != word.keys.end()) return true;
  }
  return false;
}

}  // namespace

bool QuestionAnalysis::Has(std::string_view form) const {
  return std::find(forms.begin(), forms.end(), form) != forms.end();
}

bool QuestionAnalysis::Asked(std::string_view form) const {
  return std::find(asked.begin(), asked.end(), form) != asked.end();
}

QuestionForms QuestionForms::Parse(std::string_view data, Analyzer* analyzer,
                                   std::vector<Status>* errors) {
  QuestionForms q;
  auto fail = [&](int line, const std::string& why) {
    if (errors != nullptr) {
      errors->push_back(
          Status::Error(Status::Code::kInvalidArgument, why, "schema/questions.txt", line));
    }
  };
  std::vector<Token> tokens;
  ForEachDataLine(data, [&](std::string_view line, int number) {
    if (line.starts_with("filler:")) {
      analyzer->Analyze(line.substr(7), &tokens);
      for (const auto& t : tokens) q.filler_.insert(t.surface);
      return;
    }
    bool topic = line.starts_with("topic ");
    if (!line.starts_with("form ") && !topic)
      return fail(number, "expected 'form NAME: ...', 'topic NAME: ...' or 'filler: ...'");
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return fail(number, "missing ':' after the form name");
    Form form;
    form.consumes = !topic;
    std::size_t name_at = topic ? 6 : 5;
    form.name = std::string(TrimData(line.substr(name_at, colon - name_at)));
    std::string_view rest = line.substr(colon + 1);
    if (std::size_t semi = rest.rfind(';'); semi != std::string_view::npos) {
      std::string w(TrimData(rest.substr(semi + 1)));
      form.weight = std::atof(w.c_str());
      if (form.weight <= 0 || form.weight > 1) return fail(number, "weight must be in (0, 1]");
      rest = rest.substr(0, semi);
    }
    std::size_t arrow = rest.find("=>");
    for (auto pattern : SplitData(rest.substr(0, arrow), "|")) {
      analyzer->Analyze(pattern, &tokens);
      if (tokens.empty()) return fail(number, "empty pattern");
      form.patterns.push_back(tokens);
    }
    if (arrow != std::string_view::npos) {
      for (auto expansion : SplitData(rest.substr(arrow + 2), "|")) {
        analyzer->Analyze(expansion, &tokens);
        Expression e;
        for (const auto& t : tokens) {
          if (!t.stop) e.push_back(t.keys);
        }
        if (e.empty()) return fail(number, "empty expansion");
        form.expansions.push_back(std::move(e));
      }
    }
    q.forms_.push_back(std::move(form));
  });
  return q;
}

const QuestionForms& QuestionForms::Builtin() {
  static const QuestionForms* builtin = [] {
    Analyzer analyzer;
    return new QuestionForms(Parse(QuestionsData(), &analyzer, nullptr));
  }();
  return *builtin;
}

QuestionAnalysis QuestionForms::Analyze(const std::vector<Token>& tokens) const {
  QuestionAnalysis out;
  out.consumed.assign(tokens.size(), false);
  struct Match {
    std::size_t length, start, form;
  };
  std::vector<Match> matches;
  for (std::size_t f = 0; f < forms_.size(); ++f) {
    for (const auto& pattern : forms_[f].patterns) {
      for (std::size_t i = 0; i + pattern.size() <= tokens.size(); ++i) {
        bool ok = true;
        for (std::size_t j = 0; j < pattern.size() && ok; ++j)
          ok = WordMatches(pattern[j], tokens[i + j]);
        if (ok) matches.push_back({pattern.size(), i, f});
      }
    }
  }
  // Longest first, then leftmost: "quem é considerado" beats "quem".
  std::stable_sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    return a.length != b.length ? a.length > b.length : a.start < b.start;
  });
  std::vector<bool> seen_form(forms_.size(), false);
  for (const auto& m : matches) {
    const Form& form = forms_[m.form];
    if (form.consumes) {
      bool free = true;
      for (std::size_t j = m.start; j < m.start + m.length && free; ++j) free = !out.consumed[j];
      if (!free) continue;
      for (std::size_t j = m.start; j < m.start + m.length; ++j) out.consumed[j] = true;
      if (!out.Asked(form.name)) out.asked.push_back(form.name);
    }
    if (seen_form[m.form]) continue;
    seen_form[m.form] = true;
    if (!out.Has(form.name)) out.forms.push_back(form.name);
    for (const auto& e : form.expansions) {
      out.expansions.push_back(e);
      out.expansion_weights.push_back(form.weight);
    }
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].stop && filler_.count(tokens[i].surface)) out.consumed[i] = true;
  }
  // A question must keep something to search for: if everything was consumed, keep it all.
  bool any_left = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) any_left |= !tokens[i].stop && !out.consumed[i];
  if (!any_left) out.consumed.assign(tokens.size(), false);
  return out;
}

}  // namespace portaria::analysis
