#include "indexer/document.h"

#include <map>
#include <string>

#include "analysis/answer_type.h"
#include "analysis/citation.h"
#include "analysis/text.h"
#include "indexer/diploma.h"
#include "schema/features.h"
#include "schema/record_codec.h"
#include "schema/schema.h"
#include "schema/terms.h"

namespace portaria::indexer {
namespace {

// "Centro Nacional de Pensões" -> "cnp": the initials of its capitalised words.
std::string Acronym(std::string_view unit) {
  std::string out;
  bool at_word_start = true;
  for (char c : unit) {
    if (c == ' ' || c == '-') {
      at_word_start = true;
      continue;
    }
    // Only ASCII capitals start an acronym letter; unit names start with one in practice.
    if (at_word_start && c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
    at_word_start = false;
  }
  return out.size() >= 2 ? out : std::string();
}

// Only the text keeps positions: exact phrases and the order of adjacent question words are read
// there. The other fields (unit, headings, list intro, epígrafe, ementa, source) are short and
// repeated by every paragraph under them, so their positions made a quarter of the position
// table (92 -> 67 MB at 100k paragraphs); they need only their within-document frequency, which
// add_term counts exactly as add_posting would, so BM25 is the same. Two question words in a
// heading count as together there (searcher/plan.h, Adjacent::Field::ordered).
enum class Positions { kKeep, kDrop };

// Every key of the paragraph's fields, and how often it occurs in all of them together: the
// kAnyFieldPrefix terms.
using AnyField = std::map<std::string, Xapian::termcount>;

void AddTokenTerms(const std::vector<analysis::Token>& tokens, std::string_view prefix,
                   Positions positions, AnyField* any, Xapian::Document* doc) {
  for (const auto& t : tokens) {
    for (const auto& key : t.keys) {
      if (any != nullptr) ++(*any)[key];
      if (positions == Positions::kKeep) {
        doc->add_posting(schema::Term(prefix, key), t.position);
      } else {
        doc->add_term(schema::Term(prefix, key));
      }
    }
  }
}

void AddFieldTerms(std::string_view text, std::string_view prefix, Positions positions,
                   analysis::Analyzer* analyzer, std::vector<analysis::Token>* tokens,
                   AnyField* any, Xapian::Document* doc) {
  analyzer->Analyze(text, tokens);
  AddTokenTerms(*tokens, prefix, positions, any, doc);
}

// A competence of the paragraph's unit: it introduces the unit's list ("Compete ao X:", "À X
// compete:") or is an item below such an intro, or it stands under a "Competências" heading.
bool IsCompetence(const Paragraph& p) {
  if (p.unit.empty()) return false;
  if (!diploma::CompetenceOrgan(p.text).empty() || !diploma::CompetenceOrgan(p.context).empty())
    return true;
  std::string_view section = p.section;
  if (std::size_t gt = section.rfind(" > "); gt != std::string_view::npos)
    section.remove_prefix(gt + 3);
  std::string heading = analysis::FoldAndStrip(section);
  return heading.starts_with("competencia") || heading.starts_with("atribuic");
}

// The epígrafe of the paragraph's article: the last element of its section path, "Artigo 2.º
// Âmbito de aplicação" (or a contract's "Cláusula 2.ª Condição prévia", a lei de bases's "Base
// II Política de saúde") -> "Âmbito de
// aplicação"; empty if the paragraph has no article or the
// article no epígrafe.
std::string_view Epigraph(const Paragraph& p) {
  if (p.article.empty()) return {};
  std::string_view last = p.section;
  if (std::size_t gt = last.rfind(" > "); gt != std::string_view::npos) last.remove_prefix(gt + 3);
  std::string_view lead = last.starts_with("Cláusula ") ? "Cláusula "
                          : last.starts_with("Base ")   ? "Base "
                                                        : "Artigo ";
  if (!last.starts_with(lead)) return {};
  last.remove_prefix(lead.size());
  std::size_t sp = last.find(' ');
  return sp == std::string_view::npos ? std::string_view() : last.substr(sp + 1);
}

}  // namespace

Xapian::Document BuildDocument(const Paragraph& p, std::uint32_t order,
                               analysis::Analyzer* analyzer) {
  Xapian::Document doc;
  doc.set_data(schema::EncodeRecord(p));
  doc.add_boolean_term(schema::IdTerm(p.id));

  std::vector<analysis::Token> tokens;
  analyzer->Analyze(p.text, &tokens);
  std::string types = analysis::AnswerTypes(p.text, tokens);
  // An alínea says what its list intro says of it: under "As câmaras não podem incidir sobre:",
  // "Vias públicas…" is a prohibition; under "Têm legitimidade para requerer:", each item is who
  // may ask; under "É responsável pela gestão:", who is. (The intro's time limits, amounts or
  // definitions are not the item's.)
  std::vector<analysis::Token> intro;  // the list intro's tokens, also indexed below
  analyzer->Analyze(p.context, &intro);
  if (!intro.empty()) {
    for (char type : analysis::AnswerTypes(p.context, intro)) {
      bool inherited = type == analysis::kAnswerRule || type == analysis::kAnswerEntitled ||
                       type == analysis::kAnswerResponsible;
      // Under "Constituem contraordenações puníveis com as seguintes coimas:", an item's
      // amounts or terms ("De (euro) 250 a (euro) 3500, …") are the penalty.
      if (type == analysis::kAnswerPenalty &&
          (types.find(analysis::kAnswerAmount) != std::string::npos ||
           types.find(analysis::kAnswerDuration) != std::string::npos))
        inherited = true;
      if (inherited && types.find(type) == std::string::npos) types.push_back(type);
    }
  }
  if (IsCompetence(p)) {
    types.push_back(analysis::kAnswerCompetence);
    // An alínea of competences opens with its verb: "Promulgar e mandar publicar as leis".
    for (const auto& t : tokens) {
      if (t.stop) continue;
      for (const auto& key : t.keys)
        doc.add_boolean_term(schema::Term(schema::kCompetenceVerbPrefix, key));
      break;
    }
  }
  doc.add_value(schema::kSlotAnswerTypes, types);
  for (char type : types)
    doc.add_boolean_term(schema::Term(schema::kAnswerTypePrefix, std::string_view(&type, 1)));
  AnyField any;
  Xapian::termcount surface_forms = 0;
  for (const auto& t : tokens) {
    if (t.stop) {
      // Position only (wdf 0): the document's length, and so BM25, is as without it.
      doc.add_posting(schema::Term(schema::kFunctionWordPrefix, t.surface), t.position, 0);
      continue;
    }
    for (const auto& key : t.keys) {
      doc.add_posting(schema::Term(schema::kTextPrefix, key), t.position);
      ++any[key];
    }
    doc.add_term(schema::Term(schema::kSurfacePrefix, t.surface));
    ++surface_forms;
  }
  AddFieldTerms(p.unit, schema::kUnitTextPrefix, Positions::kDrop, analyzer, &tokens, &any, &doc);
  AddFieldTerms(p.section, schema::kSectionTextPrefix, Positions::kDrop, analyzer, &tokens, &any,
                &doc);
  AddTokenTerms(intro, schema::kContextTextPrefix, Positions::kDrop, &any, &doc);
  AddFieldTerms(Epigraph(p), schema::kTitleTextPrefix, Positions::kDrop, analyzer, &tokens, &any,
                &doc);
  AddFieldTerms(p.summary, schema::kSummaryTextPrefix, Positions::kDrop, analyzer, &tokens, &any,
                &doc);
  AddFieldTerms(p.source, schema::kSourceTextPrefix, Positions::kDrop, analyzer, &tokens, &any,
                &doc);
  for (const auto& [key, wdf] : any) doc.add_term(schema::Term(schema::kAnyFieldPrefix, key), wdf);
  // What the text's acronyms stand for (Paragraph::acronyms) is a field of its own, searched
  // below the text's weight (searcher/plan.cc), and answers a question's word in the
  // coordination (kAnyFieldPrefix) without weighing in the first phase (frequency 0): an
  // orgânica writes "o CDI" in every paragraph after the definition, and a first phase that
  // weighed the name in all of them crowded out of its window the paragraphs that write the
  // question's words out. Nor does the name lengthen the paragraph: the length term gives up
  // what the field adds, so BM25 weighs the text's own words as before.
  std::vector<analysis::Token> names;
  AddFieldTerms(p.acronyms, schema::kAcronymTextPrefix, Positions::kDrop, analyzer, &names, nullptr,
                &doc);
  Xapian::termcount named = 0;
  for (const auto& t : names) {
    for (const auto& key : t.keys) {
      doc.add_term(schema::Term(schema::kAnyFieldPrefix, key), 0);
      ++named;
    }
  }
  if (surface_forms > named) doc.add_term(std::string(schema::kLengthTerm), surface_forms - named);
  // The diploma the source cites, under "type:number/year" and "type:number".
  for (const auto& c : analysis::FindCitations(p.source, tokens)) {
    if (c.kind != analysis::Citation::Kind::kDiploma) continue;
    doc.add_boolean_term(schema::Term(schema::kCitationPrefix, analysis::DiplomaKey(c, true)));
    doc.add_boolean_term(schema::Term(schema::kCitationPrefix, analysis::DiplomaKey(c, false)));
    break;
  }

  auto boolean = [&](std::string_view prefix, const std::string& value) {
    if (!value.empty()) doc.add_boolean_term(schema::Term(prefix, value));
  };
  boolean(schema::kLetterPrefix, analysis::FoldAndStrip(p.letter));
  boolean(schema::kLetterPrefix, analysis::FoldAndStrip(p.subitem));
  // A subalínea is also found as an item of its alínea ("alínea d)" lists d's i), ii)), an
  // Akoma Ntoso alínea as one of its inciso.
  for (std::string_view item : schema::EnclosingItems(p.id))
    boolean(schema::kLetterPrefix, analysis::FoldAndStrip(item));
  boolean(schema::kArticlePrefix, analysis::Analyzer::SurfaceOf(p.article));
  boolean(schema::kNumberPrefix, analysis::Analyzer::SurfaceOf(p.number));
  boolean(schema::kDocPrefix, p.doc);
  if (!p.file.empty()) doc.add_boolean_term(schema::FileTerm(p.file));
  boolean(schema::kUnitAcronymPrefix, Acronym(p.unit));
  if (p.section == "Preâmbulo" || p.section.starts_with("Preâmbulo > "))
    doc.add_boolean_term(std::string(schema::kPreambleTerm));

  doc.add_value(schema::kSlotId, p.id);
  doc.add_value(schema::kSlotUnit, p.unit);
  doc.add_value(schema::kSlotSource, p.source);
  doc.add_value(schema::kSlotLetter, p.letter);
  doc.add_value(schema::kSlotDate, p.date);
  std::string collapse = schema::HashHex(p.unit + '\x1f' + analysis::FoldAndStrip(p.text));
  doc.add_value(schema::kSlotCollapse, collapse);
  doc.add_value(schema::kSlotDoc, p.doc);
  doc.add_value(schema::kSlotOrder, Xapian::sortable_serialise(order));
  // Every term is in by now: the length is what the database will record for the paragraph.
  Xapian::termcount length = 0;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) length += t.get_wdf();
  doc.add_value(schema::kSlotFeatures,
                schema::EncodeFeatures({p.id, p.doc, p.unit, p.source, std::move(collapse),
                                        doc.get_value(schema::kSlotAnswerTypes), p.date, length}));
  return doc;
}

}  // namespace portaria::indexer
