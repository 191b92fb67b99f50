// The document data of a paragraph: the record as a JSON object, so that a search result needs
// no second look-up. Shared by the indexer (encode) and the searcher (decode).
#ifndef PORTARIA_SCHEMA_RECORD_CODEC_H_
#define PORTARIA_SCHEMA_RECORD_CODEC_H_

#include <string>

#include "portaria/record.h"

namespace portaria::schema {

std::string EncodeRecord(const Paragraph& paragraph);
// Sets every field of *paragraph from `data`, a field the record leaves out to empty. Returns
// false (leaving *paragraph as it was) if `data` is not a record object.
bool DecodeRecord(const std::string& data, Paragraph* paragraph);

}  // namespace portaria::schema

#endif  // PORTARIA_SCHEMA_RECORD_CODEC_H_
