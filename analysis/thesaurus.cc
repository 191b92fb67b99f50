#include "analysis/thesaurus.h"

#include <algorithm>
#include <cstdlib>

#include "analysis/data.h"

namespace portaria::analysis {
namespace {

bool Intersects(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const auto& x : a) {
    if (std::find(b.begin(), b.end(), x) != b.end()) return true;
  }
  return false;
}

}  // namespace

Thesaurus Thesaurus::Parse(std::string_view data, Analyzer* analyzer, std::vector<Status>* errors) {
  Thesaurus t;
  std::vector<Token> tokens;
  // A member's words as they expand (every key), and as they match a query word: by the word's
  // own key where it has one, its written form. The lemmatizer also links a noun to the word it
  // derives from ("nacionalidade" has the keys nacional and nacionalidade), and a member that
  // matched through such a link expanded every "nacional" with "cidadania".
  Expression own;
  auto analyse = [&](std::string_view member, Expression* out) {
    analyzer->Analyze(member, &tokens);
    out->clear();
    own.clear();
    for (auto& tok : tokens) {
      if (tok.stop) continue;
      out->push_back(tok.keys);
      bool written = std::find(tok.keys.begin(), tok.keys.end(), tok.surface) != tok.keys.end();
      own.push_back(written ? std::vector<std::string>{tok.surface} : tok.keys);
    }
    return !out->empty();
  };
  auto fail = [&](int line, const std::string& why) {
    if (errors != nullptr) {
      errors->push_back(
          Status::Error(Status::Code::kInvalidArgument, why, "schema/thesaurus.txt", line));
    }
  };
  ForEachDataLine(data, [&](std::string_view line, int number) {
    double weight = 1.0;
    if (std::size_t semi = line.rfind(';'); semi != std::string_view::npos) {
      std::string w(TrimData(line.substr(semi + 1)));
      char* end = nullptr;
      weight = std::strtod(w.c_str(), &end);
      if (end == w.c_str() || *end != '\0' || weight <= 0 || weight > 1) {
        return fail(number, "weight after ';' must be a number in (0, 1]");
      }
      line = TrimData(line.substr(0, semi));
    }
    auto sides = SplitData(line, "=>");
    if (sides.size() > 2) return fail(number, "more than one '=>'");
    std::vector<std::vector<Expression>> parsed(sides.size());
    std::vector<Expression> matching;  // the left side's members as they match
    for (std::size_t s = 0; s < sides.size(); ++s) {
      for (auto member : SplitData(sides[s], "|")) {
        Expression e;
        if (!analyse(TrimData(member), &e)) {
          return fail(number,
                      "empty member (or only stopwords): '" + std::string(TrimData(member)) + "'");
        }
        // A negation is a stopword: "sem querer" would match every "querer", "não socorrer"
        // every "socorrer", the opposite of what the member says (with more content words,
        // "licença sem vencimento", the others still say which sense).
        if (s == 0 && e.size() == 1 &&
            std::any_of(tokens.begin(), tokens.end(),
                        [](const Token& tok) { return tok.stop && IsNegation(tok.surface); })) {
          return fail(number, "a negation and one word match as that word alone: '" +
                                  std::string(TrimData(member)) + "'");
        }
        parsed[s].push_back(std::move(e));
        if (s == 0) matching.push_back(own);
      }
    }
    if (sides.size() == 2) {
      for (auto& from : matching) t.rules_.push_back({from, parsed[1], weight});
    } else {
      if (parsed[0].size() < 2) return fail(number, "a group needs at least two members");
      for (std::size_t i = 0; i < parsed[0].size(); ++i) {
        Rule r{matching[i], {}, weight};
        for (std::size_t j = 0; j < parsed[0].size(); ++j) {
          if (j != i) r.to.push_back(parsed[0][j]);
        }
        t.rules_.push_back(std::move(r));
      }
    }
  });
  for (std::size_t i = 0; i < t.rules_.size(); ++i) {
    for (const auto& key : t.rules_[i].from.front()) t.by_first_key_[key].push_back(i);
  }
  for (auto& [key, ids] : t.by_first_key_) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  }
  return t;
}

const Thesaurus& Thesaurus::Builtin() {
  static const Thesaurus* builtin = [] {
    Analyzer analyzer;
    return new Thesaurus(Parse(ThesaurusData(), &analyzer, nullptr));
  }();
  return *builtin;
}

std::vector<Expansion> Thesaurus::Expand(const std::vector<std::vector<std::string>>& words) const {
  std::vector<Expansion> out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::vector<std::size_t> candidates;
    for (const auto& key : words[i]) {
      auto it = by_first_key_.find(key);
      if (it != by_first_key_.end())
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (std::size_t r : candidates) {
      const Rule& rule = rules_[r];
      if (i + rule.from.size() > words.size()) continue;
      bool match = true;
      for (std::size_t j = 0; j < rule.from.size() && match; ++j) {
        match = Intersects(rule.from[j], words[i + j]);
      }
      if (!match) continue;
      for (const auto& to : rule.to) out.push_back({i, rule.from.size(), to, rule.weight});
    }
  }
  return out;
}

}  // namespace portaria::analysis
