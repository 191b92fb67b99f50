// Turns a paragraph record into a Xapian document following schema/schema.h.
#ifndef PORTARIA_INDEXER_DOCUMENT_H_
#define PORTARIA_INDEXER_DOCUMENT_H_

#include <xapian.h>

#include <string>
#include <string_view>

#include "analysis/analyzer.h"
#include "portaria/record.h"

namespace portaria::indexer {

// The unique id term ("Q" + id, hashed if the id is too long for a Xapian term).
std::string IdTerm(const std::string& id);

// The boolean term of a source file ("XF" + path). A path too long for a Xapian term is
// shortened with a hash instead of clipped, so two long paths never share a term and re-indexing
// one file cannot remove another file's paragraphs as stale.
std::string FileTerm(const std::string& file);

// 16 hex digits of FNV-1a 64 of `bytes`: stable across compilers, machines and runs (std::hash is
// not), so it can be stored in the database (collapse keys, hashed terms, the manifest).
std::string HashHex(std::string_view bytes);

// Builds the document. Not thread-safe only through `analyzer` (one analyzer per thread).
Xapian::Document BuildDocument(const Paragraph& paragraph, std::uint32_t order,
                               analysis::Analyzer* analyzer);

}  // namespace portaria::indexer

#endif  // PORTARIA_INDEXER_DOCUMENT_H_
