// Turns a paragraph record into a Xapian document following schema/schema.h.
#ifndef PORTARIA_INDEXER_DOCUMENT_H_
#define PORTARIA_INDEXER_DOCUMENT_H_

#include <xapian.h>

#include <string>
#include <string_view>

#include "analysis/analyzer.h"
#include "portaria/record.h"

namespace portaria::indexer {

// Builds the document. Not thread-safe only through `analyzer` (one analyzer per thread).
Xapian::Document BuildDocument(const Paragraph& paragraph, std::uint32_t order,
                               analysis::Analyzer* analyzer);

// Xapian's spelling data holds the indexed surface words (the unprefixed terms that start with
// a letter) with the number of paragraphs that hold each, so that a misspelt query word is
// looked up through its trigrams instead of by scanning the vocabulary. The writer adds a
// document's words when it writes the document and removes them when it deletes or replaces
// it, so the counts follow the paragraphs.
enum class Spelling { kAdd, kRemove };
void UpdateSpelling(const Xapian::Document& doc, Spelling change, Xapian::WritableDatabase* db);

}  // namespace portaria::indexer

#endif  // PORTARIA_INDEXER_DOCUMENT_H_
