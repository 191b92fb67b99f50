// Portuguese lemmatisation: maps a folded word to the accent-free keys of its lemmas, so that
// pensão/pensões/pensoes, distrital/distritais, paga/pagar/pagamento and acção/ação share a key.
//
// Strategy (measured choices are explained in README.md, "Analysis"):
//  1. Hunspell pt_PT knows the word (or its capitalised form, for names such as Évora): its
//     stems. A word may have several (gere -> gerir, gerar); all are kept, so two forms
//     match when their lemma sets intersect, except a verb the word is only a first- or
//     second-person form of when it is also a noun or an adjective (centro -> centro, not
//     centrar). pt_PT lists the irregular forms of verbs (detida, mantém, teve, pode, prevê,
//     interveio) as words of their own, with the infinitive only in a "[$deter$CAT=v…]"
//     annotation Hunspell does not read; those annotations are read from the
//     .dic file when it is loaded, and such a form's stem becomes its infinitive. The short
//     participles it lists as adjectives or nouns (pago, eleito, preso, suspenso) keep their
//     own stem and take their verb's too (lemmatizer.cc, kShortParticiples). A prefix
//     Hunspell strips with the suffix is put back (subcontratante -> subcontratar, not the
//     contratar of contrato; inconstitucional stays itself).
//  2. Pre-1990 spelling: drop a silent c or p before ç/t (acção, adopção, direcção, actividade,
//     óptimo) when the dictionary knows the result.
//  3. Brazilian spelling: Hunspell pt_BR (loaded on first need), keeping only stems that share
//     the word's first letters, because pt_BR strips prefixes (reconhecer -> conhecer).
//  4. A word typed without accents: restore them (also when the accent-free spelling is a
//     word of its own, as numero/número) (pensoes -> pensões, orgao -> órgão) by
//     ending rules and single-letter substitutions the dictionary confirms.
//  5. Otherwise a rule-based plural-to-singular reduction of the accent-free word.
// The same function serves documents and queries, so the same text always yields the same keys.
//
// Thread-safety: all methods may be called concurrently; Hunspell (not thread-safe) is guarded
// by a mutex and results are cached behind a shared mutex.
#ifndef PORTARIA_ANALYSIS_LEMMATIZER_H_
#define PORTARIA_ANALYSIS_LEMMATIZER_H_

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

class Hunspell;

namespace portaria::analysis {

class Lemmatizer {
 public:
  // Loads pt_PT from `dictionary_dir` (default: $PORTARIA_HUNSPELL_DIR or /usr/share/hunspell).
  // Throws std::runtime_error naming the missing file if the dictionary is absent.
  explicit Lemmatizer(std::string dictionary_dir = {});
  ~Lemmatizer();
  Lemmatizer(const Lemmatizer&) = delete;
  Lemmatizer& operator=(const Lemmatizer&) = delete;

  // The process-wide instance (created on first use).
  static Lemmatizer& Shared();

  // `word` is folded (lower case, NFC) and contains at least one letter. Returns the sorted,
  // de-duplicated accent-free lemma keys; never empty.
  std::vector<std::string> Lemmas(const std::string& word);

  // True if either dictionary accepts the word as spelled (used by spelling suggestions).
  bool IsKnownWord(const std::string& word);
  // True if pt_PT knows `word` only as a first- or second-person verb form ("invalides", of
  // invalidar): in a question to the law more likely a misspelling than meant.
  bool IsPersonalVerbFormOnly(const std::string& word);
  // True if pt_PT knows `word` (lower case, accents kept) only as a finite verb form, one of
  // them in the third person ("articulam", "exerce"; not "equipas", also a noun, nor
  // "coordenadoras", an adjective made from a verb): where a sentence's subject ends.
  bool IsFiniteVerbOnly(const std::string& word);

  // Primes the cache: `word` (as Lemmas() takes it) has these keys, and the dictionaries need
  // not be asked. For lexicons saved by an index built with the same analyzer version
  // (analysis/rules_lexicon.h); a word already cached keeps its keys.
  void Remember(const std::string& word, std::vector<std::string> keys);

  // While a Recorder is alive, every Lemmas() call made on its thread (on any Lemmatizer) is
  // noted with its result, so a caller can save what a piece of work looked up. Recorders nest:
  // the innermost records, and the one it hides records again once it is gone.
  class Recorder {
   public:
    Recorder();
    ~Recorder();
    Recorder(const Recorder&) = delete;
    Recorder& operator=(const Recorder&) = delete;
    const std::map<std::string, std::vector<std::string>>& words() const { return words_; }
    // The words noted so far, leaving none.
    std::map<std::string, std::vector<std::string>> Take() { return std::exchange(words_, {}); }

   private:
    friend class Lemmatizer;
    std::map<std::string, std::vector<std::string>> words_;
    Recorder* hidden_;  // the thread's recorder before this one
  };

  // While a Source is alive on a thread, a word that is not in the cache is first asked of it
  // (by Lemmas() on that thread, on any Lemmatizer), and the dictionaries only if it does not
  // hold the word: an index's word lexicon (schema/SCHEMA.md), the keys its own paragraphs were
  // analysed with, so a question's words need no dictionary look-up. `find` returns false for a
  // word it does not hold; it must not call Lemmas(). Sources nest like recorders.
  class Source {
   public:
    using Find = std::function<bool(const std::string& word, std::vector<std::string>* keys)>;
    explicit Source(Find find);
    ~Source();
    Source(const Source&) = delete;
    Source& operator=(const Source&) = delete;

   private:
    friend class Lemmatizer;
    Find find_;
    Source* hidden_;
  };

  std::size_t cache_size() const;

 private:
  std::vector<std::string> Compute(const std::string& word);
  // Stems of `word` if pt_PT (as written or capitalised) knows it; empty otherwise.
  std::vector<std::string> PtStems(const std::string& word);
  std::vector<std::string> BrStems(const std::string& word);
  // Removes from `stems` the verbs `word` is only a first- or second-person form of, when it is
  // also a noun or an adjective (centro: centro, not centrar). Caller holds hunspell_mu_.
  void DropPersonalVerbReadings(const std::string& word, std::vector<std::string>* stems);
  std::vector<std::string> OldSpellingStems(const std::string& word);
  std::vector<std::string> AccentRestoredStems(const std::string& word);
  // Stems of the words one accent away from a known accent-free word (numero -> número).
  std::vector<std::string> AccentTwinStems(const std::string& word);
  Hunspell* Br();
  // Reads the verb annotations of the pt_PT .dic file into irregular_verbs_ (see 1. above).
  void LoadIrregularVerbs(const std::string& dic_path);
  // `stems` with every irregular verb form replaced by its infinitive(s).
  std::vector<std::string> ResolveIrregular(std::vector<std::string> stems) const;

  std::string dictionary_dir_;
  // An irregular verb form as pt_PT spells it -> its infinitives ("foram" -> ir, ser).
  std::unordered_map<std::string, std::vector<std::string>> irregular_verbs_;
  std::mutex hunspell_mu_;
  std::unique_ptr<Hunspell> pt_;
  std::unique_ptr<Hunspell> br_;
  bool br_tried_ = false;

  mutable std::shared_mutex cache_mu_;
  std::unordered_map<std::string, std::vector<std::string>> cache_;
};

// Rule-based reduction of an accent-free word to its singular (step 5 above), exposed for tests.
std::string SingularKey(std::string_view word);

}  // namespace portaria::analysis

#endif  // PORTARIA_ANALYSIS_LEMMATIZER_H_
