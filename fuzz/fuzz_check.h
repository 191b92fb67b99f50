// What every reader target asserts about a ReadResult, beyond "no crash, no sanitizer report":
// the properties the writer and the JSON printers rely on. A violation traps, so libFuzzer saves
// the input like any crash.
#ifndef PORTARIA_FUZZ_FUZZ_CHECK_H_
#define PORTARIA_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <string>

#include "analysis/analyzer.h"
#include "analysis/text.h"
#include "indexer/document.h"
#include "indexer/reader.h"
#include "schema/schema.h"

namespace portaria::fuzz {

[[noreturn]] inline void Fail(const char* what, const std::string& value) {
  std::fprintf(stderr, "fuzz check failed: %s (%zu bytes)\n", what, value.size());
  __builtin_trap();
}

// Records must be valid UTF-8 (nlohmann::json refuses to print anything else, so portaria-read
// and the server would throw) and within the documented limits of indexer/reader.h. Then each
// record is turned into the Xapian document indexing would store: Xapian rejects terms longer
// than 245 bytes when the document is written, failing the whole file.
inline void CheckRead(const indexer::ReadResult& result, analysis::Analyzer* analyzer) {
  if (result.fatal) return;  // nothing of a rejected file is indexed
  std::uint32_t order = 0;
  for (const Paragraph& p : result.paragraphs) {
    for (const std::string* field :
         {&p.id, &p.text, &p.unit, &p.letter, &p.source, &p.section, &p.article, &p.number,
          &p.context, &p.summary, &p.date, &p.doc}) {
      if (!analysis::IsValidUtf8(*field, nullptr)) Fail("field is not valid UTF-8", *field);
    }
    if (p.text.size() > indexer::kMaxParagraphBytes) Fail("text over kMaxParagraphBytes", p.text);
    for (const std::string* field : {&p.unit, &p.letter, &p.source, &p.section}) {
      if (field->size() > indexer::kMaxFieldBytes) Fail("field over kMaxFieldBytes", *field);
    }
    Xapian::Document doc = indexer::BuildDocument(p, order++, analyzer);
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      if ((*t).size() > schema::kMaxTermBytes) Fail("term over kMaxTermBytes", *t);
    }
  }
}

}  // namespace portaria::fuzz

#endif  // PORTARIA_FUZZ_FUZZ_CHECK_H_
