#include "analysis/lemmatizer.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <hunspell/hunspell.hxx>
#include <stdexcept>

#include "analysis/text.h"

namespace portaria::analysis {
namespace {

// The cache is cleared when it grows past this many words, bounding memory on huge corpora.
constexpr std::size_t kMaxCacheEntries = 1u << 20;

std::u32string ToU32(std::string_view s) {
  std::u32string out;
  auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

std::string ToUtf8(const std::u32string& s) {
  icu::UnicodeString u;
  for (char32_t c : s) u.append(static_cast<UChar32>(c));
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string Capitalize(const std::string& word) {
  auto u = icu::UnicodeString::fromUTF8(word);
  if (u.isEmpty()) return word;
  UChar32 first = u.char32At(0);
  icu::UnicodeString out;
  out.append(u_toupper(first));
  out.append(u, U16_LENGTH(first), u.length());
  std::string s;
  out.toUTF8String(s);
  return s;
}

bool SharesPrefix(const std::string& a, const std::string& b, std::size_t n) {
  std::string x = FoldAndStrip(a), y = FoldAndStrip(b);
  n = std::min({n, x.size(), y.size()});
  return x.compare(0, n, y, 0, n) == 0;
}

// Accent-free endings and their usual accented spelling in Portuguese.
struct EndingRule {
  const char* plain;
  const char* accented;
};
constexpr EndingRule kEndingRules[] = {
    {"coes", "ções"},   {"cao", "ção"},       {"soes", "sões"},   {"sao", "são"},
    {"oes", "ões"},     {"aes", "ães"},       {"ao", "ão"},       {"encias", "ências"},
    {"encia", "ência"}, {"ancias", "âncias"}, {"ancia", "ância"}, {"aveis", "áveis"},
    {"iveis", "íveis"}, {"avel", "ável"},     {"ivel", "ível"},   {"arios", "ários"},
    {"ario", "ário"},   {"orios", "órios"},   {"orio", "ório"},   {"onico", "ónico"},
    {"onica", "ónica"}, {"omico", "ómico"},   {"omica", "ómica"}, {"ecies", "écies"},
};

// The short participles pt_PT lists as adjectives or nouns of their own, with no link to their
// verb ("as senhas são pagas" and "o pagamento", "foi eleito" and "eleger"). Each is a form of
// its verb, so it gets the verb's key beside its own. Left out: those whose own word is another
// ("salvo", "junto"), and those the dictionary already gives their verb (escrito, visto, posto).
struct ShortParticiple {
  std::string_view participle;
  std::string_view verb;
};
constexpr ShortParticiple kShortParticiples[] = {
    {"aberto", "abrir"},         {"aceso", "acender"},      {"coberto", "cobrir"},
    {"descoberto", "descobrir"}, {"eleito", "eleger"},      {"envolto", "envolver"},
    {"expulso", "expulsar"},     {"extinto", "extinguir"},  {"ganho", "ganhar"},
    {"gasto", "gastar"},         {"impresso", "imprimir"},  {"isento", "isentar"},
    {"limpo", "limpar"},         {"morto", "morrer"},       {"omisso", "omitir"},
    {"pago", "pagar"},           {"preso", "prender"},      {"restrito", "restringir"},
    {"solto", "soltar"},         {"suspenso", "suspender"},
};

// The verb of a short participle, or empty.
std::string_view VerbOfParticiple(std::string_view stem) {
  for (const auto& p : kShortParticiples) {
    if (p.participle == stem) return p.verb;
  }
  return {};
}

// Accented letters a plain vowel (or c) may stand for when typed without accents.
const std::u32string& AccentChoices(char32_t c) {
  static const std::u32string a = U"áàâã", e = U"éê", i = U"í", o = U"óôõ", u = U"úü", cc = U"ç",
                              none;
  switch (c) {
    case U'a':
      return a;
    case U'e':
      return e;
    case U'i':
      return i;
    case U'o':
      return o;
    case U'u':
      return u;
    case U'c':
      return cc;
    default:
      return none;
  }
}

void AppendKeys(const std::vector<std::string>& stems, std::vector<std::string>* keys) {
  for (const auto& s : stems) {
    std::string k = FoldAndStrip(s);
    if (!k.empty()) keys->push_back(std::move(k));
  }
}

}  // namespace

std::string SingularKey(std::string_view word) {
  std::string w(word);
  auto ends = [&](std::string_view suf) {
    return w.size() > suf.size() + 1 && w.compare(w.size() - suf.size(), suf.size(), suf) == 0;
  };
  auto replace = [&](std::size_t n, std::string_view with) {
    w.resize(w.size() - n);
    w.append(with);
  };
  if (ends("oes") || ends("aes")) {
    replace(3, "ao");
  } else if (ends("ais")) {
    replace(3, "al");
  } else if (ends("eis")) {
    replace(3, "el");
  } else if (ends("ois")) {
    replace(3, "ol");
  } else if (ends("ns")) {
    replace(2, "m");
  } else if (ends("res") || ends("zes") || ends("ses")) {
    replace(2, "");
  } else if (w.size() > 3 && w.back() == 's' && !ends("ss") && !ends("us") && !ends("is")) {
    replace(1, "");
  }
  return w;
}

Lemmatizer::Lemmatizer(std::string dictionary_dir) : dictionary_dir_(std::move(dictionary_dir)) {
  if (dictionary_dir_.empty()) {
    const char* env = std::getenv("PORTARIA_HUNSPELL_DIR");
    dictionary_dir_ = env != nullptr ? env : "/usr/share/hunspell";
  }
  std::string aff = dictionary_dir_ + "/pt_PT.aff", dic = dictionary_dir_ + "/pt_PT.dic";
  for (const auto& f : {aff, dic}) {
    if (!std::filesystem::exists(f)) {
      throw std::runtime_error(f +
                               ": Hunspell pt_PT dictionary not found (Debian package "
                               "hunspell-pt-pt, or set PORTARIA_HUNSPELL_DIR)");
    }
  }
  pt_ = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
  LoadIrregularVerbs(dic);
}

Lemmatizer::~Lemmatizer() = default;

void Lemmatizer::LoadIrregularVerbs(const std::string& dic_path) {
  // A line is "FORM[/FLAGS]<TAB>[$LEMMA$CAT=v,…$…]" for an irregular form. Only verbs are
  // taken: the other annotated entries (superlatives, adverbs, pre-1990 spellings) are handled
  // by steps 2-5 or are better left as words of their own. A form that is also a word of its
  // own on another line (estado, the noun, beside estado, estar's participle) keeps itself as a
  // stem beside the infinitive.
  std::ifstream in(dic_path);
  std::string line;
  std::unordered_map<std::string, bool> plain;  // form -> it has a line of its own as a word
  while (std::getline(in, line)) {
    std::size_t form_end = line.find_first_of("/\t ");
    std::size_t open = line.find("[$");
    std::string form = line.substr(0, std::min(form_end, open));
    if (form.empty()) continue;
    std::size_t lemma_end =
        open == std::string::npos ? std::string::npos : line.find('$', open + 2);
    if (lemma_end == std::string::npos || line.compare(lemma_end + 1, 6, "CAT=v,") != 0) {
      plain[form] = true;
      continue;
    }
    std::string lemma = line.substr(open + 2, lemma_end - open - 2);
    if (lemma.empty() || lemma == form) continue;
    auto& lemmas = irregular_verbs_[form];
    if (std::find(lemmas.begin(), lemmas.end(), lemma) == lemmas.end()) lemmas.push_back(lemma);
  }
  for (auto& [form, lemmas] : irregular_verbs_) {
    if (plain.count(form) != 0) lemmas.push_back(form);
  }
}

std::vector<std::string> Lemmatizer::ResolveIrregular(std::vector<std::string> stems) const {
  if (irregular_verbs_.empty()) return stems;
  std::vector<std::string> out;
  for (auto& s : stems) {
    auto it = irregular_verbs_.find(s);
    if (it == irregular_verbs_.end()) {
      out.push_back(std::move(s));
    } else {
      out.insert(out.end(), it->second.begin(), it->second.end());
    }
  }
  return out;
}

Lemmatizer& Lemmatizer::Shared() {
  static Lemmatizer* instance = new Lemmatizer();  // never destroyed: used until exit
  return *instance;
}

std::size_t Lemmatizer::cache_size() const {
  std::shared_lock lock(cache_mu_);
  return cache_.size();
}

namespace {
thread_local Lemmatizer::Recorder* recorder = nullptr;
thread_local Lemmatizer::Source* source = nullptr;
}  // namespace

Lemmatizer::Recorder::Recorder() : hidden_(recorder) { recorder = this; }
Lemmatizer::Recorder::~Recorder() { recorder = hidden_; }

Lemmatizer::Source::Source(Find find) : find_(std::move(find)), hidden_(source) { source = this; }
Lemmatizer::Source::~Source() { source = hidden_; }

std::vector<std::string> Lemmatizer::Lemmas(const std::string& word) {
  std::vector<std::string> keys;
  bool cached = false;
  {
    std::shared_lock lock(cache_mu_);
    auto it = cache_.find(word);
    if (it != cache_.end()) {
      keys = it->second;
      cached = true;
    }
  }
  if (!cached) {
    // A source's keys are only a cache of Compute()'s: one that gives none has not got the word.
    if (source == nullptr || !source->find_(word, &keys) || keys.empty()) keys = Compute(word);
    std::unique_lock lock(cache_mu_);
    if (cache_.size() >= kMaxCacheEntries) cache_.clear();
    cache_.emplace(word, keys);
  }
  if (recorder != nullptr) recorder->words_.emplace(word, keys);
  return keys;
}

void Lemmatizer::Remember(const std::string& word, std::vector<std::string> keys) {
  std::unique_lock lock(cache_mu_);
  if (cache_.size() >= kMaxCacheEntries) return;
  cache_.emplace(word, std::move(keys));
}

bool Lemmatizer::IsKnownWord(const std::string& word) {
  std::lock_guard lock(hunspell_mu_);
  if (pt_->spell(word) || pt_->spell(Capitalize(word))) return true;
  Hunspell* br = Br();
  return br != nullptr && br->spell(word);
}

bool Lemmatizer::IsPersonalVerbFormOnly(const std::string& word) {
  std::lock_guard lock(hunspell_mu_);
  std::vector<std::string> analyses = pt_->analyze(word);
  if (analyses.empty()) return false;
  return std::all_of(analyses.begin(), analyses.end(), [](const std::string& a) {
    return a.find("P=1,") != std::string::npos || a.find("P=2,") != std::string::npos;
  });
}

bool Lemmatizer::IsFiniteVerbOnly(const std::string& word) {
  std::lock_guard lock(hunspell_mu_);
  std::vector<std::string> analyses = pt_->analyze(word);
  if (analyses.empty()) return false;
  bool third = false;
  for (const auto& a : analyses) {
    // The category is the last one named ("+CAT=a_nc": a suffix made it a noun or adjective).
    std::size_t cat = a.rfind("CAT=");
    if (cat == std::string::npos || a.compare(cat, 6, "CAT=v,") != 0) return false;
    std::size_t person = a.find("+P=");
    if (person == std::string::npos) return false;  // an infinitive, participle or gerund
    third = third || a.compare(person, 5, "+P=3,") == 0;
  }
  return third;
}

Hunspell* Lemmatizer::Br() {
  if (!br_tried_) {
    br_tried_ = true;
    std::string aff = dictionary_dir_ + "/pt_BR.aff", dic = dictionary_dir_ + "/pt_BR.dic";
    if (std::filesystem::exists(aff) && std::filesystem::exists(dic)) {
      br_ = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
    }
  }
  return br_.get();
}

std::vector<std::string> Lemmatizer::PtStems(const std::string& word) {
  if (pt_->spell(word)) {
    auto stems = pt_->stem(word);
    if (stems.empty()) stems.push_back(word);
    DropPersonalVerbReadings(word, &stems);
    stems = ResolveIrregular(std::move(stems));
    for (std::size_t i = 0, n = stems.size(); i < n; ++i) {
      std::string_view verb = VerbOfParticiple(stems[i]);
      if (!verb.empty() && std::find(stems.begin(), stems.end(), verb) == stems.end())
        stems.emplace_back(verb);
    }
    // Hunspell strips a prefix with the suffix ("subcontratante" -> contratar, "inconstitucional"
    // -> constitucional), which makes the processor a contractor and the unconstitutional
    // constitutional: the prefix is put back ("subcontratar", "inconstitucional").
    for (auto& stem : stems) {
      if (stem.size() < 4 || word.starts_with(stem.substr(0, 3))) continue;
      std::size_t at = word.find(std::string_view(stem).substr(0, 4));
      if (at >= 2 && at <= 6) stem = word.substr(0, at) + stem;
    }
    // pt_PT lists some present-tense forms of -iar verbs (licencia, negocia) as words of their
    // own, without their infinitive; link them to the verb when the dictionary has it.
    if (stems.size() == 1 && stems[0] == word && word.ends_with("ia")) {
      std::string infinitive = word + "r";
      if (pt_->spell(infinitive)) {
        auto verb = pt_->stem(infinitive);
        if (std::find(verb.begin(), verb.end(), infinitive) != verb.end())
          stems.push_back(infinitive);
      }
    }
    return stems;
  }
  std::string cap = Capitalize(word);
  if (cap != word && pt_->spell(cap)) {
    auto stems = pt_->stem(cap);
    return stems.empty() ? std::vector<std::string>{cap} : stems;
  }
  return {};
}

// Law is written in the third person: "centro", "registo", "caso" and "junto" are a noun or an
// adjective there, never "(eu) centro", "(eu) registo", "(eu) caso" or "(eu) junto". A verb lemma
// the form reaches only through a first- or second-person reading (pt_PT's morphology:
// "+P=1,N=s,T=p") is dropped when the form is also a noun or an adjective of its own, so that
// it does not bridge the noun with the verb's other forms (caso ~ casa through casar, conto ~
// conta through contar) and does not double the word's posting lists. Third-person readings
// keep their verb (gere -> gerir, gerar; paga -> paga, pagar, pago), and so "paga" and "pago"
// still meet. A noun and its verb ("controlo", "controlar") no longer do: README, "Analysis".
void Lemmatizer::DropPersonalVerbReadings(const std::string& word,
                                          std::vector<std::string>* stems) {
  if (stems->size() < 2) return;
  struct Reading {
    std::string stem;
    bool personal = false;  // a first- or second-person verb form only
    bool noun = false;
  };
  std::vector<Reading> readings;
  for (const auto& a : pt_->analyze(word)) {
    std::size_t at = a.find("st:");
    if (at == std::string::npos) continue;
    at += 3;
    Reading r;
    r.stem = a.substr(at, a.find_first_of(" \t[", at) - at);
    r.personal = a.find("P=1,") != std::string::npos || a.find("P=2,") != std::string::npos;
    // The category is the last one named: a suffix may change the stem's ("registas": rego,
    // a noun, made an adjective by -ista).
    std::size_t cat = a.rfind("CAT=");
    auto is = [&](std::string_view c) {
      std::size_t end = cat + c.size();
      return a.compare(cat, c.size(), c) == 0 &&
             (end == a.size() || a[end] == ',' || a[end] == ']');
    };
    r.noun = cat != std::string::npos && (is("CAT=nc") || is("CAT=a_nc") || is("CAT=adj"));
    readings.push_back(std::move(r));
  }
  bool has_noun = false;
  for (const auto& r : readings) has_noun = has_noun || r.noun;
  if (!has_noun) return;
  auto only_personal = [&](const std::string& stem) {
    bool seen = false;
    for (const auto& r : readings) {
      if (r.stem != stem) continue;
      if (!r.personal) return false;
      seen = true;
    }
    return seen;
  };
  std::erase_if(*stems, only_personal);
}

std::vector<std::string> Lemmatizer::BrStems(const std::string& word) {
  Hunspell* br = Br();
  if (br == nullptr || !br->spell(word)) return {};
  std::vector<std::string> kept;
  for (auto& s : br->stem(word)) {
    if (SharesPrefix(s, word, 3)) kept.push_back(std::move(s));
  }
  if (kept.empty()) kept.push_back(word);
  return kept;
}

std::vector<std::string> Lemmatizer::OldSpellingStems(const std::string& word) {
  std::u32string w = ToU32(word);
  std::u32string all;  // every silent consonant dropped at once
  bool found = false;
  for (std::size_t i = 0; i + 1 < w.size(); ++i) {
    bool silent = (w[i] == U'c' || w[i] == U'p') && (w[i + 1] == U'ç' || w[i + 1] == U't');
    if (silent && i > 0) {
      found = true;
      std::u32string v = w.substr(0, i) + w.substr(i + 1);
      auto stems = PtStems(ToUtf8(v));
      if (!stems.empty()) return stems;
    } else {
      all.push_back(w[i]);
      continue;
    }
  }
  if (!found) return {};
  all.push_back(w.back());
  return PtStems(ToUtf8(all));
}

std::vector<std::string> Lemmatizer::AccentTwinStems(const std::string& word) {
  std::vector<std::string> stems;
  std::u32string w = ToU32(word);
  for (std::size_t i = 0; i < w.size(); ++i) {
    for (char32_t a : AccentChoices(w[i])) {
      std::u32string v = w;
      v[i] = a;
      std::string s = ToUtf8(v);
      if (pt_->spell(s)) {
        auto found = ResolveIrregular(pt_->stem(s));
        stems.insert(stems.end(), found.begin(), found.end());
      }
    }
  }
  return stems;
}

std::vector<std::string> Lemmatizer::AccentRestoredStems(const std::string& word) {
  std::vector<std::string> stems;
  auto try_variant = [&](const std::u32string& v) {
    std::string s = ToUtf8(v);
    auto found = PtStems(s);
    if (found.empty()) found = BrStems(s);
    stems.insert(stems.end(), found.begin(), found.end());
  };
  auto substitutions = [&](const std::u32string& base) {
    for (std::size_t i = 0; i < base.size(); ++i) {
      for (char32_t a : AccentChoices(base[i])) {
        std::u32string v = base;
        v[i] = a;
        try_variant(v);
      }
    }
  };
  std::vector<std::u32string> by_ending;
  for (const auto& rule : kEndingRules) {
    std::string_view plain(rule.plain);
    if (word.size() > plain.size() &&
        word.compare(word.size() - plain.size(), plain.size(), plain) == 0) {
      by_ending.push_back(ToU32(word.substr(0, word.size() - plain.size()) + rule.accented));
    }
  }
  // Fewest changes first: an ending rule, then one letter, then an ending rule plus one letter.
  for (const auto& v : by_ending) try_variant(v);
  if (!stems.empty()) return stems;
  substitutions(ToU32(word));
  if (!stems.empty()) return stems;
  for (const auto& v : by_ending) substitutions(v);
  return stems;
}

std::vector<std::string> Lemmatizer::Compute(const std::string& word) {
  std::vector<std::string> keys;
  std::vector<std::string> stems;
  {
    std::lock_guard lock(hunspell_mu_);
    stems = PtStems(word);
    // A word typed without accents may be a word of its own too ("numero" is a form of
    // numerar; "número" was meant just as often): add the lemmas of its accented twins.
    if (!stems.empty() && IsAscii(word) && word.size() >= 4) {
      auto twins = AccentTwinStems(word);
      stems.insert(stems.end(), twins.begin(), twins.end());
    }
    if (stems.empty()) stems = OldSpellingStems(word);
    if (stems.empty()) stems = BrStems(word);
    if (stems.empty() && IsAscii(word)) stems = AccentRestoredStems(word);
  }
  AppendKeys(stems, &keys);
  if (keys.empty()) keys.push_back(SingularKey(FoldAndStrip(word)));
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

}  // namespace portaria::analysis
