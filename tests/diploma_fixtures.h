// The diploma reader's test fixtures (tests/data/diplomas) and what the suites check them with:
// shared by diploma_reader_test.cc (each form, each stage) and diploma_regression_test.cc (one
// quirk each).
#ifndef PORTARIA_TESTS_DIPLOMA_FIXTURES_H_
#define PORTARIA_TESTS_DIPLOMA_FIXTURES_H_

#include <filesystem>
#include <set>
#include <string>
#include <string_view>

#include "indexer/reader.h"

namespace portaria::indexer::fixtures {

std::filesystem::path Fixture(const std::string& name);

// The records of fixture `name`, read once through ReadFile (a pure function of the file), so
// that the content-based choice of the reader is tested too.
const ReadResult& Read(const std::string& name);

// The one record whose text contains `phrase`; fails the test (and returns an empty record) if
// there is none or more than one, so that a table row always names one paragraph.
const Paragraph& Only(const ReadResult& r, std::string_view phrase);

bool Contains(std::string_view haystack, std::string_view needle);

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
