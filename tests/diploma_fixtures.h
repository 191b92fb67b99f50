// The diploma reader's test fixtures (tests/data/diplomas) and what the suites check them with:
// shared by diploma_fixture_test.cc, diploma_id_warning_test.cc and diploma_stage_test.cc (each
// form, each stage) and the diploma_*_regression_test.cc files (one quirk each).
#ifndef PORTARIA_TESTS_DIPLOMA_FIXTURES_H_
#define PORTARIA_TESTS_DIPLOMA_FIXTURES_H_

#include <filesystem>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/reader.h"

namespace portaria::indexer::fixtures {

std::filesystem::path Fixture(const std::string& name);

// The long fixtures, one per form diplomas come in: excerpts copied byte for byte from
// shared/corpus/pt-dr, quirks and all; portaria-dr.md is written by hand in the Diário da
// República form new Portarias come in, and dr-2018-written.md, dre-written.md,
// despacho-written.md, rcm-written.md and amending-written.md in the forms of the 2018 DR, of
// DRE, of the 2.ª série, of a resolution and of an amending decree, with quirks the corpus does
// not show: a sumário without its final stop, an organ named in two cases, a public body's legal
// form around its abbreviation, a delegation, a signature after its date, a title with no date
// line, an organ created with "…, à qual compete:", articles quoted in the article that amends
// them. The Lei 58/2019 excerpt and the DGPRM one (DL 289/2000) are two files: a file is one
// diploma to the reader (one source, one date), and the two are different diplomas.
extern const std::vector<std::string> kFixtures;

// Organs the long fixtures' table and the stages' tests both name.
inline constexpr char kCsc[] = "Conselho Superior de Segurança do Ciberespaço";
inline constexpr char kPr[] = "Presidente da República";

// The records of fixture `name`, read once through ReadFile (a pure function of the file), so
// that the content-based choice of the reader is tested too.
const ReadResult& Read(const std::string& name);

// The one record whose text contains `phrase`; fails the test (and returns an empty record) if
// there is none or more than one, so that a table row always names one paragraph.
const Paragraph& Only(const ReadResult& r, std::string_view phrase);

bool Contains(std::string_view haystack, std::string_view needle);

// That no record's text holds any of `phrases` (page furniture, a site's chrome, a note).
void ExpectInNoRecord(const ReadResult& r, std::initializer_list<std::string_view> phrases);

// The record's place in its diploma: article, número and alínea ("" where it has none).
void ExpectAt(const Paragraph& p, std::string_view article, std::string_view number,
              std::string_view letter);

// No body word is lost. The expected words come from the fixture by a rule of their own: every
// word (letters, 3 or more, folded) of every line, leaving out what is not law text — page
// furniture (DR headers, OJ running heads, page numbers, the DR document code), the DRE Índice,
// consolidation notes ("**Alterações** …", "Alterado pelo/a …", "LEGISLAÇÃO CONSOLIDADA",
// "(em vigor a partir de: …)") and the labels "Sumário:" and "# Diploma". A word broken at a line
// end counts joined ("obriga-" "ções" -> "obrigacoes"), or as its two parts when the reader keeps
// the hyphen of a compound.
std::set<std::string> BodyWords(std::string raw);

// Folded words of `text`; '\x01' marks where a broken word was joined.
void AddWords(std::string_view text, std::set<std::string>* words);

// The body words of fixture `file` that no field of its records holds, space-separated; the
// words a fixture is known to hold outside its body (a label, a page head) do not count.
std::string MissingBodyWords(const std::string& file);

}  // namespace portaria::indexer::fixtures

#endif  // PORTARIA_TESTS_DIPLOMA_FIXTURES_H_
