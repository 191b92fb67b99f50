#include "tests/diploma_fixtures.h"

#include <map>
#include <regex>
#include <sstream>
#include <vector>

#include "analysis/text.h"
#include "gtest/gtest.h"
#include "tests/test_util.h"

namespace portaria::indexer::fixtures {
namespace {

using ::portaria::testing::ReadFileToString;
using ::portaria::testing::SourceDir;

bool IsFurniture(const std::string& line) {
  static const std::regex kFurniture(
      R"(Diário da República, \d\.ª série.*|Pág\. \d+|N\.º \d+|\d+|\d+v\.|www\.dre\.pt|PARTE [A-H]|)"
      R"(\d{1,2} de [a-zç]+ de \d{4}|\d+\.\d+\.\d{4} PT Jornal Oficial da União Europeia .*|)"
      R"([LC] \d+/\d+ PT Jornal Oficial da União Europeia .*)");
  return std::regex_match(line, kFurniture);
}

std::string TrimSpaces(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string_view::npos ? "" : std::string(s.substr(b, e - b + 1));
}

// Words of the fixtures that are not body text after all.
const std::multimap<std::string, std::string> kNotBody = {
    // The title "Decreto de Aprovação da Constituição": the source is the name people cite.
    {"constitution.md", "decreto"},
    {"constitution.md", "aprovacao"},
    // "# REGULAMENTOS" above the title: the Official Journal's heading for the kind of act.
    {"eu-oj.md", "regulamentos"},
    // The label of the sumário a mirror site prints above it.
    {"mirror-written.md", "sumario"},
    {"mirror-written.md", "partilhar"},  // the site's own labels around the DR's text
    {"mirror-written.md", "texto"},
    {"mirror-written.md", "documento"},
    {"tretas-despacho-written.md", "sumario"},
    {"tretas-despacho-written.md", "partilhar"},
    {"tretas-despacho-written.md", "texto"},
    {"tretas-despacho-written.md", "documento"},
    {"eu-consolidated-written.md", "mi"},  // the halves of "mí" / "nimas", read "mínimas"
    {"eu-consolidated-written.md", "nimas"},
    {"eu-html-written.md", "jornal"},  // the OJ's head
    {"eu-html-written.md", "oficial"},
    {"eu-html-written.md", "pt"},
    {"eu-oj-pdf-written.md", "jornal"},  // the OJ's running head at the foot of a page
    {"eu-oj-pdf-written.md", "oficial"},
    {"old-style-written.md", "art"},  // "Art. 2.º": the label is the record's article
    {"old-decree-written.md", "art"},
    {"mirror-flattened-written.md", "art"},
    // The 2018 header with its page number first.
    {"dr-2018-pages-written.md", "diario"},
    {"dr-2018-pages-written.md", "republica"},
    {"dr-2018-pages-written.md", "serie"},
    {"dr-2013-supplement-written.md", "diario"},
    {"dr-2013-supplement-written.md", "republica"},
    {"dr-2013-supplement-written.md", "serie"},
    {"dr-tail-written.md", "diario"},
    {"dr-tail-written.md", "republica"},
    {"dr-tail-written.md", "serie"},
    // The 2022 page header broken over three lines (its words occur nowhere else).
    {"dr-2022-split-written.md", "diario"},
    {"dr-2022-split-written.md", "republica"},
    {"dr-2022-split-written.md", "serie"},
    {"dr-2022-split-written.md", "pag"},
    // The 2.ª série's header and a mirror site's label.
    {"dr-supplement-written.md", "diario"},
    {"dr-supplement-written.md", "republica"},
    {"dr-supplement-written.md", "serie"},
    {"dr-supplement-written.md", "parte"},
    {"dr-supplement-written.md", "pag"},
    {"dr-supplement-written.md", "partilhar"},
    // A Council draft's page footers: the document's number, its drafters, its directorate.
    {"council-draft-written.md", "cons"},
    {"council-draft-written.md", "rtv"},
    {"council-draft-written.md", "dge"},
    {"council-draft-written.md", "gip"},
    {"regulator-clauses-written.md", "pag"},  // the 2022 header on one line
    {"dr-2024-written.md", "serie"},          // the 2024 header's "1.ª série"
    {"dr-2024-pages-written.md", "serie"},    // the 2024 header's "1.ª série"
    {"eu-markdown-written.md", "jornal"},     // the OJ's head, "… — PT Série L"
    {"eu-markdown-written.md", "oficial"},
    {"eu-markdown-written.md", "serie"},
    // A Markdown repository's link addresses and its editorial note in small print.
    {"markdown-links-written.md", "https"},
    {"markdown-links-written.md", "diariodarepublica"},
    {"markdown-links-written.md", "detalhe"},
    {"markdown-links-written.md", "small"},
    {"markdown-links-written.md", "redacao"},
    {"markdown-links-written.md", "desde"},
    {"markdown-links-written.md", "mes"},
    {"dre-api-written.md", "sup"},  // the inline HTML's tags around a superscript
    // EUR-Lex's page around the act (its banner, CELEX number, status, ELI) and the OJ's head.
    {"eurlex-page-written.md", "access"},
    {"eurlex-page-written.md", "back"},
    {"eurlex-page-written.md", "data"},
    {"eurlex-page-written.md", "document"},
    {"eurlex-page-written.md", "eli"},
    {"eurlex-page-written.md", "eur"},
    {"eurlex-page-written.md", "europa"},
    {"eurlex-page-written.md", "european"},
    {"eurlex-page-written.md", "europeia"},
    {"eurlex-page-written.md", "excerpt"},
    {"eurlex-page-written.md", "force"},
    {"eurlex-page-written.md", "from"},
    {"eurlex-page-written.md", "homepage"},
    {"eurlex-page-written.md", "http"},
    {"eurlex-page-written.md", "jornal"},
    {"eurlex-page-written.md", "law"},
    {"eurlex-page-written.md", "legal"},
    {"eurlex-page-written.md", "lex"},
    {"eurlex-page-written.md", "oficial"},
    {"eurlex-page-written.md", "reg"},
    {"eurlex-page-written.md", "status"},
    {"eurlex-page-written.md", "the"},
    {"eurlex-page-written.md", "this"},
    {"eurlex-page-written.md", "uniao"},
    {"eurlex-page-written.md", "union"},
    {"eurlex-page-written.md", "website"},
};

}  // namespace

std::filesystem::path Fixture(const std::string& name) {
  return SourceDir() / "tests/data/diplomas" / name;
}

const std::vector<std::string> kFixtures = {
    "dr-2021.md",         "dr-2018.md",     "dre-consolidated.md", "dre-consolidated-dgprm.md",
    "constitution.md",    "eu-oj.md",       "guideline.md",        "portaria-dr.md",
    "dr-2018-written.md", "dre-written.md", "despacho-written.md", "rcm-written.md",
    "amending-written.md"};

const ReadResult& Read(const std::string& name) {
  static auto* cache = new std::map<std::string, ReadResult>;
  auto it = cache->find(name);
  if (it == cache->end()) it = cache->emplace(name, ReadFile(Fixture(name))).first;
  return it->second;
}

const Paragraph& Only(const ReadResult& r, std::string_view phrase) {
  static const Paragraph kNone;
  std::vector<const Paragraph*> found;
  for (const auto& p : r.paragraphs) {
    if (p.text.find(phrase) != std::string::npos) found.push_back(&p);
  }
  if (found.size() != 1) ADD_FAILURE() << found.size() << " records contain \"" << phrase << "\"";
  return found.size() == 1 ? *found[0] : kNone;
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

void ExpectInNoRecord(const ReadResult& r, std::initializer_list<std::string_view> phrases) {
  for (const auto& p : r.paragraphs) {
    for (std::string_view phrase : phrases) {
      EXPECT_FALSE(Contains(p.text, phrase)) << p.id << ": " << p.text;
    }
  }
}

void ExpectAt(const Paragraph& p, std::string_view article, std::string_view number,
              std::string_view letter) {
  EXPECT_EQ(p.article, article) << p.text;
  EXPECT_EQ(p.number, number) << p.text;
  // A subalínea is written under its alínea: "b/ii".
  EXPECT_EQ(p.subitem.empty() ? p.letter : p.letter + "/" + p.subitem, letter) << p.text;
}

void AddWords(std::string_view text, std::set<std::string>* words) {
  std::string folded = analysis::FoldAndStrip(text), word;
  folded += ' ';
  for (char c : folded) {
    if ((c >= 'a' && c <= 'z') || c == '\x01') {
      word += c;
      continue;
    }
    std::string joined = word;
    std::erase(joined, '\x01');
    if (joined.size() >= 3) words->insert(word);
    word.clear();
  }
}

std::set<std::string> BodyWords(std::string raw) {
  // The literal "\\n" that marks where pages were joined is a line break.
  std::string content;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    bool joined = raw[i] == '\\' && i + 1 < raw.size() && raw[i + 1] == 'n';
    content += joined ? '\n' : raw[i];
    if (joined) ++i;
  }
  std::string all;
  bool in_index = false;
  // A Markdown front matter ("---" … "---") is metadata, and a quoted note ("> …") the
  // repository's, not the diploma's.
  bool front_matter = content.starts_with("---\n");
  bool first = true;
  std::istringstream in(content);
  for (std::string line; std::getline(in, line);) {
    line = TrimSpaces(line);
    if (front_matter) {
      front_matter = first || line != "---";
      first = false;
      continue;
    }
    if (line.starts_with(">")) continue;
    if (line.starts_with("#")) {
      std::string title = TrimSpaces(line.substr(line.find_first_not_of('#')));
      in_index = title == "Índice";
      if (in_index || title == "Diploma" || title.starts_with("(em vigor") ||
          title.starts_with("(Produção de efeitos"))
        continue;
    }
    if (in_index || line.empty() || IsFurniture(line)) continue;
    if (line.starts_with("Alterado pelo/a") || line.starts_with("Aditado pelo/a")) continue;
    if (std::size_t at = line.find("**Alterações**"); at != std::string::npos) line.resize(at);
    for (std::size_t at; (at = line.find("LEGISLAÇÃO CONSOLIDADA")) != std::string::npos;)
      line.erase(at, std::string_view("LEGISLAÇÃO CONSOLIDADA").size());
    if (line.starts_with("Sumário:")) line.erase(0, std::string_view("Sumário:").size());
    // "obriga-" + "ções" -> "obriga\x01ções"; "decreto-" + "-lei" -> "decreto--lei".
    line = TrimSpaces(line);
    // And a break that a copy ran into its line ("Infor- mação") -> "Infor\x01mação".
    for (std::size_t at = line.find("- "); at != std::string::npos; at = line.find("- ", at + 1)) {
      unsigned char before = at > 0 ? static_cast<unsigned char>(line[at - 1]) : ' ';
      unsigned char after = at + 2 < line.size() ? static_cast<unsigned char>(line[at + 2]) : ' ';
      if ((std::isalpha(before) || before >= 0x80) && (std::islower(after) || after == 0xC3))
        line.replace(at, 2, "\x01");
    }
    // A soft hyphen (U+00AD) where the line breaks a word is a hyphen the reader must mend.
    if (line.ends_with("\u00ad")) line.replace(line.size() - 2, 2, "-");
    if (!all.empty() && all.back() == '\x01' && line.starts_with("-")) all.back() = '-';
    all += line;
    bool broken = line.size() >= 2 && line.back() == '-' && line[line.size() - 2] != ' ';
    if (broken) all.back() = '\x01';
    if (!broken) all += ' ';
  }
  std::set<std::string> words;
  AddWords(all, &words);
  return words;
}

std::string MissingBodyWords(const std::string& file) {
  std::set<std::string> expected = BodyWords(ReadFileToString(Fixture(file)));
  std::set<std::string> read;
  for (const auto& p : Read(file).paragraphs) {
    for (const std::string* field :
         {&p.text, &p.section, &p.context, &p.summary, &p.source, &p.unit, &p.letter})
      AddWords(*field, &read);
  }
  std::string missing;
  auto [from, to] = kNotBody.equal_range(file);
  for (auto it = from; it != to; ++it) expected.erase(it->second);
  for (const std::string& w : expected) {
    std::size_t mark = w.find('\x01');
    std::string joined = w;
    std::erase(joined, '\x01');
    if (read.count(joined)) continue;
    if (mark != std::string::npos) {  // a compound whose hyphen the reader kept
      std::string a = w.substr(0, mark), b = w.substr(mark + 1);
      if ((a.size() < 3 || read.count(a)) && (b.size() < 3 || read.count(b))) continue;
    }
    missing += " " + joined;
  }
  return missing;
}

}  // namespace portaria::indexer::fixtures
