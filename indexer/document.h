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

}  // namespace portaria::indexer

#endif  // PORTARIA_INDEXER_DOCUMENT_H_
