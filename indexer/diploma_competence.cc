// Which organ a competence list belongs to, read from the sentence that introduces it ("Compete
// ao X:", "À X compete:", "São competências do X:", a despacho's "delego no X"); the organ's name
// itself is read by ReadOrgan (diploma_organs.cc).
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/lemmatizer.h"
#include "indexer/diploma.h"
#include "indexer/diploma_organs.h"

namespace portaria::indexer::diploma {
namespace {

// The post written after a person's name (`from`: its first word), set off by commas: the
// words after the name's comma up to the next, where they name a post ("subdirectora-geral",
// "director de serviços de Valorização do Património Florestal", "Diretor" + ", em regime de
// substituição," + "do Departamento Patrimonial"); "" if they do not.
std::string PostAfterName(const std::vector<std::string_view>& w, std::size_t from) {
  if (from >= w.size() || !IsUpperAt(w[from], 0)) return {};
  std::size_t end = from;  // the name's last word, which ends with the comma
  while (end < w.size() && end < from + 8 && !w[end].ends_with(",")) ++end;
  if (end >= from + 8 || end + 1 >= w.size()) return {};
  std::size_t at = end + 1;
  std::string first = Lower(w[at]);
  static constexpr std::array<std::string_view, 12> kPosts = {
      "diretor",    "director", "subdiretor", "subdirector",   "chefe",    "coordenador",
      "presidente", "vogal",    "secretario", "administrador", "inspetor", "inspector"};
  bool post = std::any_of(kPosts.begin(), kPosts.end(),
                          [&](std::string_view p) { return first.starts_with(p); });
  if (!post) return {};
  std::vector<std::string_view> words;
  for (std::size_t k = at; k < w.size() && words.size() < 14; ++k) {
    std::string_view word = w[k];
    if (word.size() == 2 && word[1] == '.' && IsUpperAt(word, 0)) break;  // "I. P.": the form
    bool ends = false;
    word = Bare(word, &ends);
    // "… aos Serviços de Registo (DGATJ):" (brackets unquoted): the acronym the name defines.
    if (!words.empty() && !IsConnector(words.back()) && word.size() >= 2 && IsAllCaps(word)) break;
    bool comma = ends && w[k].ends_with(",");
    words.push_back(word);
    if (ends && !comma) break;
    if (!comma) continue;
    // "Diretor, em regime de substituição, do Departamento …": the phrase is no part of it.
    if (k + 5 < w.size() && Lower(w[k + 1]) == "em" && Lower(w[k + 2]) == "regime" &&
        Lower(w[k + 4]).starts_with("substitui") && IsContraction(Lower(w[k + 5]))) {
      k += 4;
      continue;
    }
    break;
  }
  while (!words.empty() && IsConnector(words.back())) words.pop_back();
  // A bare "diretor" says less than the name does; "subdirectora-geral" says which post.
  if (words.size() == 1 && words[0].find('-') == std::string_view::npos) return {};
  std::string out;
  for (auto word : words) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

bool IsArticle(std::string_view w) { return w == "o" || w == "a" || w == "os" || w == "as"; }

// The first word of a proviso or an adverbial phrase that can open a sentence before its
// subject, folded to lower case: "Sem prejuízo …,", "Salvo …,", "Nos termos …,", "Para …,".
bool OpensProviso(std::string_view w) {
  for (std::string_view p : {"sem", "salvo", "nos", "no", "na", "nas", "para", "em", "quando",
                             "sempre", "caso", "além", "durante", "após", "mediante"}) {
    if (w == p) return true;
  }
  return false;
}

// What a list intro says it lists, folded: "competências" (also "competência", as one diploma
// misspells it), "atribuições", "funções", "poderes".
bool IsGrant(std::string_view what) {
  return what.starts_with("competência") || what.starts_with("atribuições") ||
         what.starts_with("funções") || what.starts_with("poderes");
}

// "O X, …, é o serviço …" up to `end`: the index of the copula ("é", "são") that defines the
// sentence's capitalised subject as a kind of body ("o serviço", "a entidade"), or 0.
std::size_t SubjectDefinedBefore(const std::vector<std::string_view>& w, std::size_t end) {
  std::size_t from = !w.empty() && IsArticle(Lower(w[0])) ? 1 : 0;
  if (from >= end || !IsUpperAt(w[from], 0)) return 0;
  for (std::size_t k = from + 1; k + 2 < end; ++k) {
    std::string c = Lower(w[k]);
    std::string article = Lower(w[k + 1]);
    bool kind = IsArticle(article) || article == "um" || article == "uma";  // "é um órgão de …"
    if ((c == "é" || c == "são") && kind && !IsUpperAt(w[k + 2], 0)) return k;
  }
  return 0;
}

// "Sempre que necessário …, são atribuídos aos coordenadores dos serviços digitais os seguintes
// poderes de investigação …:" (the EU's form of a competence list): the organ after the
// participle, up to "os seguintes".
std::string GrantedPowersOrgan(const std::vector<std::string_view>& w) {
  for (std::size_t k = 4; k + 2 < w.size(); ++k) {
    if (!IsArticle(Lower(w[k])) || Lower(w[k + 1]) != "seguintes" || !IsGrant(Lower(w[k + 2])))
      continue;
    for (std::size_t p = 1; p + 2 < k; ++p) {
      std::string part = Lower(w[p]), copula = Lower(w[p - 1]);
      bool granted = part.starts_with("atribuíd") || part.starts_with("conferid") ||
                     part.starts_with("cometid");
      if (granted && (copula == "são" || copula == "é") && IsContraction(Lower(w[p + 1]))) {
        std::vector<std::string_view> organ(w.begin() + static_cast<std::ptrdiff_t>(p) + 2,
                                            w.begin() + static_cast<std::ptrdiff_t>(k));
        return ReadOrgan(organ, 0);
      }
    }
    return {};
  }
  return {};
}

}  // namespace

std::string CompetenceOrgan(std::string_view sentence) {
  std::string unquoted = Unquote(Trim(sentence));
  std::vector<std::string_view> w = Words(unquoted);
  if (w.size() < 3) return {};
  std::string first = Lower(w[0]);
  // "O coordenador do Gabinete Nacional SIRENE é responsável pela sua organização e
  // funcionamento, competindo-lhe:": the pronoun is the sentence's subject, the words before its
  // verb.
  for (std::size_t k = 2; k < w.size(); ++k) {
    std::string v = Lower(w[k]);
    if (!v.starts_with("competindo-lhe") && !v.starts_with("cabendo-lhe") &&
        !v.starts_with("incumbindo-lhe"))
      continue;
    // "Sem prejuízo do disposto no número anterior, a CER é integralmente responsável …,
    // competindo-lhe …": the subject follows the proviso's comma.
    std::size_t from = 0;
    if (OpensProviso(first)) {
      while (from < k && !w[from].ends_with(",")) ++from;
      if (++from >= k) break;
    }
    if (IsArticle(Lower(w[from]))) ++from;
    // The subject ends at its verb: the copula or "ter", or any verb the dictionary knows only
    // as a finite form ("As equipas coordenadoras regionais articulam com … e asseguram …,
    // competindo-lhes:"; "coordenadoras" is an adjective, "equipas" also a noun).
    std::size_t end = from;
    while (end < k && !w[end].ends_with(",")) {
      std::string word = Lower(w[end]);
      if (word == "é" || word == "são" || word == "tem" || word == "têm") break;
      if (end > from && analysis::Lemmatizer::Shared().IsFiniteVerbOnly(word)) break;
      ++end;
    }
    // Without a verb before the comma the subject is not read: the words after a comma are not
    // its subject.
    if (end == from || end == k) return {};
    std::vector<std::string_view> subject(w.begin() + from, w.begin() + end);
    return ReadOrgan(subject, 0);
  }
  // "Determinar que compete à Comissão:" (a resolution's número), "No desenvolvimento das suas
  // atribuições, compete aos órgãos e serviços do DGESGO:": the same from "compete" on. After a
  // comma the verb may follow a long proviso ("Sem prejuízo das competências que lhe forem
  // conferidas por lei ou das que nele sejam delegadas ou subdelegadas, compete ao conselho
  // diretivo:").
  // The words after the sentence's last comma: where a bearer that closes it may stand.
  std::size_t after_commas = w.size();
  while (after_commas > 0 && !w[after_commas - 1].ends_with(",")) --after_commas;
  for (std::size_t k = 1; k < 40 && k + 2 < w.size(); ++k) {
    std::string v = Lower(w[k]);
    // Also "Sem prejuízo …, ao presidente do conselho diretivo compete:" ("Ao X compete" after
    // the proviso's comma).
    bool to = (v == "ao" || v == "à" || v == "aos" || v == "às") && k > 1 &&
              Lower(w[k + 1]) != "qual" && Lower(w[k + 1]) != "quais" &&
              Trim(sentence).ends_with(":");
    // "Na realização da política de ensino incumbe ao Estado:": the verb and its bearer close
    // the intro, after a phrase that sets the scope with no comma, short or long ("…, para
    // prossecução das atribuições a que se refere o artigo 3.º compete ao secretário-geral do
    // Governo:"). The bearer runs to the colon: "…, cuja gestão compete à SG, ficam consignadas
    // …:" names none.
    bool closes = w.size() - k <= 10 && k >= after_commas;
    bool scoped = closes && IsCompetenceVerb(v) && IsContraction(Lower(w[k + 1])) &&
                  Trim(sentence).ends_with(":");
    // "Para além do disposto no artigo 57.º do RGPD, a CNPD prossegue as seguintes atribuições:":
    // the subject after the proviso's comma ("O X possui as seguintes …", below).
    bool subject = w[k - 1].ends_with(",") && (v == "o" || v == "a" || v == "os" || v == "as");
    // "Na prossecução da sua missão, são atribuições da SRTSS:" ("São competências do X", below).
    bool grants = w[k - 1].ends_with(",") && (v == "são" || v == "constituem" || v == "é");
    // "Para a prossecução das suas atribuições à DRPRI compete:": the bearer after a short
    // phrase of scope with no comma, the verb the sentence's last word.
    // The scope is in lower case: "À Direção … de Apoio às Capitanias …, compete:" names the
    // Direção, not what follows its "às".
    std::string last = Lower(w.back());
    bool lower_scope = std::none_of(w.begin() + 1, w.begin() + static_cast<std::ptrdiff_t>(k),
                                    [](std::string_view x) { return IsUpperAt(x, 0); });
    bool closing_verb = k < 12 && to && lower_scope && IsUpperAt(w[k + 1], 0) &&
                        (last == "compete:" || last == "incumbe:" || last == "cabe:");
    if (((((k < 12 && Lower(w[k - 1]) == "que") || w[k - 1].ends_with(",")) &&
          (IsCompetenceVerb(v) || to)) ||
         scoped || subject || grants || closing_verb)) {
      auto from = static_cast<std::size_t>(w[k].data() - unquoted.data());
      // Not every such verb names its organ next ("À AMA, I. P., compete ainda divulgar …").
      if (std::string organ = CompetenceOrgan(std::string_view(unquoted).substr(from));
          !organ.empty())
        return organ;
    }
  }
  // A delegation (the 2.ª série's despachos): "…, delego no diretor-geral do Orçamento, com
  // faculdade de subdelegação, as competências para:" — the list is what the delegate may do.
  // Also "Delego, também, no …", "São, ainda, delegadas no …", "Subdelegar no …" (a número
  // of a despacho that lists its delegations).
  // The verb comes after the legal grounds, which can take some 60 words.
  static constexpr std::array<std::string_view, 10> kDelegate = {
      "delego",    "subdelego", "delegar",  "subdelegar",   "delegadas",
      "delegados", "delegada",  "delegado", "subdelegadas", "subdelegados"};
  for (std::size_t i = 0; i + 2 < w.size() && i < 200; ++i) {
    std::string v = Lower(w[i]);
    if (v.ends_with(",")) v.pop_back();
    if (std::find(kDelegate.begin(), kDelegate.end(), v) == kDelegate.end()) continue;
    // The first person ("delego") may follow a long list of legal grounds (150 words and more in
    // a 2025 despacho); the other forms only a short one.
    if (i >= 80 && v != "delego" && v != "subdelego") continue;
    // The infinitive opens the número ("Subdelegar no …"); the participle follows its copula
    // ("São, ainda, delegadas no …"), not a noun ("atos delegados nos termos").
    if (v.starts_with("delegar") || v.starts_with("subdelegar")) {
      if (i != 0) continue;
    } else if (v != "delego" && v != "subdelego") {
      bool copula = false;
      for (std::size_t k = i; k > 0 && k + 3 > i; --k) {
        std::string c = Lower(w[k - 1]);
        if (c.ends_with(",")) c.pop_back();
        copula = copula || c == "são" || c == "é" || c == "ficam" || c == "fica";
      }
      if (!copula) continue;
    }
    // Words set off by commas between the verb and its object: "Delego, também, no …"; what
    // is delegated before whom: "delego as seguintes competências na diretora …".
    std::size_t at = i + 1;
    while (at + 1 < w.size() && at < i + 4 && w[at].ends_with(",")) ++at;
    static constexpr std::array<std::string_view, 9> kWhat = {
        "as",          "os",      "a",           "seguintes", "competências",
        "competência", "poderes", "atribuições", "minhas"};
    for (std::size_t k = at; k + 1 < w.size() && k < at + 5; ++k) {
      std::string what = Lower(w[k]);
      if (std::find(kWhat.begin(), kWhat.end(), what) == kWhat.end()) break;
      std::string next = Lower(w[k + 1]);
      if (next == "no" || next == "na" || next == "nos" || next == "nas") {
        at = k + 1;
        break;
      }
    }
    auto names_delegate = [&](std::size_t k) {
      std::string in = Lower(w[k]);
      if (k + 1 < w.size() && Lower(w[k + 1]) == "termos") return false;  // "nos termos do …"
      return in == "no" || in == "na" || in == "nos" || in == "nas" || in == "em";
    };
    // The legal grounds set off by commas before the delegate: "delego, nos termos conjugados
    // do artigo 35.º do Código … e do n.º 3 do artigo 22.º da LOAR, na directora …".
    if (!names_delegate(at) && w[i].ends_with(",")) {
      for (std::size_t k = at; k + 1 < w.size() && k < at + 40; ++k) {
        if (w[k].ends_with(",") && names_delegate(k + 1)) {
          at = k + 1;
          break;
        }
      }
    }
    if (names_delegate(at)) {
      // The delegate by name, without the academic title ("no Licenciado Frederico Gomes") and
      // its speciality ("no engenheiro silvicultor Victor Sá").
      std::size_t from = at + 1;
      static constexpr std::array<std::string_view, 10> kTitles = {
          "licenciado", "licenciada", "doutor",     "doutora",    "dr.",
          "dra.",       "mestre",     "engenheiro", "engenheira", "professor"};
      if (from + 1 < w.size() &&
          std::find(kTitles.begin(), kTitles.end(), Lower(w[from])) != kTitles.end()) {
        ++from;
        while (from + 1 < w.size() && from < at + 4 && IsLowerAt(w[from], 0) &&
               !w[from].ends_with(",") && !IsConnector(w[from]))
          ++from;
      }
      // A name followed by the delegate's post, the organ the powers go to: "na licenciada
      // Cristina West, subdirectora-geral, a competência …", "no Licenciado Frederico Gomes,
      // Diretor, em regime de substituição, do Departamento Patrimonial, …".
      if (std::string post = PostAfterName(w, from); !post.empty()) return post;
      return ReadOrgan(w, from);
    }
  }
  // A relative clause after the organ's name: "Criar a Comissão de Acompanhamento, à qual
  // compete:", "É instituído o Conselho X, ao qual cabe:". The name is the run of capitalised
  // words and connectors that ends at the comma before the pronoun.
  for (std::size_t i = 1; i + 2 < w.size() && i < 40; ++i) {
    std::string art = Lower(w[i]), rel = Lower(w[i + 1]), v = Lower(w[i + 2]);
    bool pronoun = (art == "ao" || art == "à" || art == "aos" || art == "às") &&
                   (rel == "qual" || rel == "quais");
    // "A IRAE é dirigida por um inspector regional, a quem compete:": a person's post, often in
    // lower case, from the article before it to the comma. Only where the clause opens the
    // list: in a sentence that goes on ("…, a quem compete o acompanhamento de proximidade")
    // the antecedent may lie behind an aside.
    if (art == "a" && rel == "quem" && IsCompetenceVerb(v) && w[i - 1].ends_with(",") &&
        i + 5 >= w.size() && Trim(sentence).ends_with(":")) {
      std::size_t start = i;
      while (start > 0 && i - start < 8) {
        std::string prev = Lower(w[start - 1]);
        if (start - 1 != i - 1 && (prev.ends_with(",") || prev.ends_with(";"))) return {};
        if (IsArticle(prev) || prev == "um" || prev == "uma") break;
        --start;
      }
      if (start == 0 || start == i) return {};
      std::vector<std::string_view> name(w.begin() + start, w.begin() + i);
      return ReadOrgan(name, 0);
    }
    if (!pronoun) continue;
    if (!IsCompetenceVerb(v)) continue;
    // "O Laboratório X, abreviadamente designado por LAS, é o serviço do Ministério Y, ao qual
    // incumbe:": what the clause tells of is the subject the copula defines, not the ministry
    // the definition names last.
    if (std::size_t copula = SubjectDefinedBefore(w, i); copula != 0) {
      std::size_t from = IsArticle(Lower(w[0])) ? 1 : 0;
      std::vector<std::string_view> subject(w.begin() + from, w.begin() + copula);
      if (std::string organ = ReadOrgan(subject, 0); !organ.empty()) return organ;
    }
    if (!w[i - 1].ends_with(",")) continue;
    std::size_t start = i;  // back over the name: capitalised words and connectors
    while (start > 0) {
      std::string_view prev = w[start - 1];
      if (start - 1 != i - 1 && (prev.ends_with(",") || prev.ends_with(";"))) break;
      // The article before the name ends it: "Criar a Comissão…", "É instituído o Conselho…".
      if (prev == "a" || prev == "o" || prev == "as" || prev == "os") break;
      if (!IsUpperAt(prev, 0) && !IsConnector(prev)) break;
      --start;
    }
    while (start < i && IsConnector(w[start])) ++start;
    if (start == i) return {};
    std::vector<std::string_view> name(w.begin() + start, w.begin() + i);
    return ReadOrgan(name, 0);
  }
  // "Compete ao X", "Compete, ainda, ao X", "Compete designadamente ao X", "Cabe à X".
  if (IsCompetenceVerb(first)) {
    std::size_t i = 1;
    // "Compete, em geral, assegurar a participação …": the verb's object is an infinitive, and
    // the "a" after it an article.
    while (i < w.size() && i < 4 && !IsContraction(Lower(w[i])) && !IsInfinitive(w[i])) ++i;
    if (i >= w.size() || !IsContraction(Lower(w[i]))) return {};
    // "compete aos órgãos e serviços do X": the organ is X.
    if (i + 4 < w.size() && Lower(w[i + 1]) == "órgãos" && Lower(w[i + 2]) == "e" &&
        Lower(w[i + 3]) == "serviços" && IsContraction(Lower(w[i + 4])))
      i += 4;
    return ReadOrgan(w, i + 1);
  }
  // "Ao X compete:", "À DGPRM compete, designadamente:"; also after an aside that runs to
  // thirty words and more ("Ao júri dos concursos, com a constituição fixada no artigo 30.º dos
  // Estatutos …, aprovados pelo …, de 3 de Dezembro, compete também:").
  if (first == "ao" || first == "à" || first == "aos" || first == "às") {
    for (std::size_t i = 2; i < w.size() && i < 48; ++i) {
      std::string v = Lower(w[i]);
      if (IsCompetenceVerb(v)) {
        std::vector<std::string_view> name(w.begin() + 1, w.begin() + i);
        return ReadOrgan(name, 0);
      }
    }
    return {};
  }
  // "As competências da Divisão de Lanternas são as seguintes:".
  if ((first == "as" || first == "às") && w.size() > 4 && IsContraction(Lower(w[2])) &&
      Trim(sentence).ends_with(":")) {
    std::string what = Lower(w[1]);
    if (what == "competências" || what == "atribuições") return ReadOrgan(w, 3);
  }
  // "O X possui as seguintes competências:", "A X tem as seguintes atribuições:".
  if (first == "o" || first == "a" || first == "os" || first == "as") {
    // "Para assegurar o cumprimento do disposto no n.º 1, o Conselho deverá:": what a named
    // body must do, the modal closing the intro (after a proviso, read from its comma above).
    std::string last = Lower(w.back());
    bool modal = last == "deve:" || last == "deverá:" || last == "devem:" || last == "deverão:";
    if (modal && w.size() <= 10 && IsUpperAt(w[1], 0)) {
      std::vector<std::string_view> name(w.begin() + 1, w.end() - 1);
      return ReadOrgan(name, 0);
    }
    for (std::size_t i = 2; i + 3 < w.size() && i < 14; ++i) {
      std::string v = Lower(w[i]);
      bool verb = v == "possui" || v == "tem" || v == "têm" || v == "exerce" || v == "prossegue" ||
                  v == "possuem" || v == "exercem" || v == "prosseguem" || v == "desempenha" ||
                  v == "desempenham";
      if (verb && Lower(w[i + 2]) == "seguintes" && IsGrant(Lower(w[i + 3]))) {
        std::vector<std::string_view> name(w.begin() + 1, w.begin() + i);
        return ReadOrgan(name, 0);
      }
      // The bodies an organ oversees, listed: "A Vice-Presidência do Governo Regional exerce a
      // tutela sobre:" (also "superintendência"): a list of what is in its charge.
      if ((v == "exerce" || v == "exercem") && Trim(sentence).ends_with(":")) {
        std::size_t k = i + 1;
        if (k < w.size() && IsArticle(Lower(w[k]))) ++k;
        if (k + 1 < w.size() && (Lower(w[k]) == "tutela" || Lower(w[k]) == "superintendência") &&
            Lower(w[k + 1]).starts_with("sobre")) {
          std::vector<std::string_view> name(w.begin() + 1, w.begin() + i);
          return ReadOrgan(name, 0);
        }
      }
      // A duty list: "A AMA, I. P., deve desenvolver, em articulação com as demais entidades,
      // designadamente as seguintes ações:" — what a named body must do is what it does. Only a
      // name (capitalised), acting (not "deve ser notificada", "deve conter os seguintes
      // elementos": what a document holds).
      if ((v == "deve" || v == "devem") && IsUpperAt(w[1], 0) && Trim(sentence).ends_with(":")) {
        std::string act = Lower(w[i + 1]);
        while (!act.empty() && act.back() == ',') act.pop_back();
        static constexpr std::array<std::string_view, 9> kNotActing = {
            "ser",      "estar",       "ter",      "conter",   "incluir",
            "abranger", "compreender", "obedecer", "respeitar"};
        if (std::find(kNotActing.begin(), kNotActing.end(), act) != kNotActing.end()) return {};
        for (std::size_t k = i + 2; k + 1 < w.size() && k < i + 16; ++k) {
          if (Lower(w[k]) != "seguintes" || !IsArticle(Lower(w[k - 1]))) continue;
          std::vector<std::string_view> name(w.begin() + 1, w.begin() + i);
          return ReadOrgan(name, 0);
        }
        return {};
      }
    }
    return {};
  }
  // A despacho's número after "subdelego:": "No director da Direcção de Titularidade e
  // Transacção, as seguintes competências:".
  if ((first == "no" || first == "na" || first == "nos" || first == "nas") &&
      sentence.ends_with(":")) {
    std::string folded = Lower(unquoted);
    std::size_t comma = folded.find(", ");
    if (comma != std::string::npos && folded.find("competência", comma) != std::string::npos)
      return ReadOrgan(w, 1);
  }
  // "São competências do X:", "Constituem competências da ANCC:", "São atribuições da X:";
  // also in the singular, and with a word that qualifies them: "É da competência exclusiva do
  // inspector-geral:", "Constitui competência própria do presidente:".
  if (first == "são" || first == "constituem" || first == "é" || first == "constitui") {
    for (std::size_t i = 1; i + 2 < w.size() && i < 4; ++i) {
      std::string v = Lower(w[i]);
      if (!v.starts_with("competência") && v != "atribuições") continue;
      std::size_t j = i + 1;
      if (j + 1 < w.size() && !IsContraction(Lower(w[j])) && !IsUpperAt(w[j], 0)) ++j;
      if (IsContraction(Lower(w[j]))) return ReadOrgan(w, j + 1);
    }
  }
  return GrantedPowersOrgan(w);
}

}  // namespace portaria::indexer::diploma
