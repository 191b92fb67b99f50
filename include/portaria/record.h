// The paragraph record: the one shape every reader produces and the index stores.
//
// A record is a plain value type; copying it is cheap enough for batch sizes of a few thousand.
// Field meanings are documented in schema/SCHEMA.md.
#ifndef PORTARIA_RECORD_H_
#define PORTARIA_RECORD_H_

#include <string>

namespace portaria {

struct Paragraph {
  // Stable, global identifier: the same paragraph of the same act always gets the same id,
  // whichever machine or shard indexes it. Akoma Ntoso: work URI + "#" + eId; pages:
  // "page:" + file stem + "#" + section slug + "/" + letter or ordinal; JSON Lines: as given.
  std::string id;
  std::string text;    // the paragraph's text, without its letter marker ("a)")
  std::string unit;    // organic unit it belongs to, e.g. "Centro Nacional de Pensões"
  std::string letter;  // alínea letter ("d") or inciso numeral ("II"); empty if none
  // A subalínea's numeral ("ii") under the alínea in `letter` ("alínea d), subalínea ii)");
  // empty if none.
  std::string subitem;
  std::string source;  // the diploma as people cite it, e.g. "Portaria n.º 135/2012, de 8 de maio"
  std::string section;  // heading path, " > " separated
  std::string article;  // article number as written ("12.º", "5º"); empty if none
  std::string number;   // paragraph number inside the article ("2", "único"); empty if none
  // Text that introduces this paragraph, e.g. the list intro "Não podem ser objeto de delegação:"
  // above a point; searched with less weight than the text itself. Empty if none.
  std::string context;
  // The diploma's summary (the ementa, e.g. "Código Penal.", "Dispõe sobre a proteção do
  // consumidor"), shared by all its paragraphs; searched with low weight. Empty if unknown.
  std::string summary;
  // What the acronyms its text uses stand for, as its diploma defines them ("Centro de
  // Documentação e Informação" where the text says "O CDI será dirigido…"), "; " between names;
  // searched below the text's weight, so that a question that names what the paragraph
  // abbreviates finds it (schema/SCHEMA.md, field ZB). Empty if none, or if the text writes the
  // name out too.
  std::string acronyms;
  std::string date;  // ISO date of the diploma or page, "YYYY-MM-DD"; empty if unknown
  std::string doc;   // key of the document (diploma) it belongs to, used for grouping
  std::string file;  // path of the file it was read from (informational)

  bool operator==(const Paragraph&) const = default;
};

}  // namespace portaria

#endif  // PORTARIA_RECORD_H_
