// DRE's consolidated text as its web service gives it (schema/DIPLOMAS.md, "DRE's consolidated
// text as JSON"): the diploma as a list of fragments, each with its name ("Artigo 3.º",
// "Capítulo II", "Base IV", "Anexo", "Assinatura"), its epígrafe and its text.
//
// The fragments are written out as the text DRE's site shows for the same diploma ("# Artigo
// 3.º" / its epígrafe / its text), which the diploma reader already reads: one reader of
// structure, numbering and competences for every form, so that the same diploma read from its
// page or from its JSON gives the same paragraphs. The JSON is the file of record: problems the
// diploma reader reports point at the fragment's line in it.
#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/diploma.h"
#include "indexer/json_checks.h"
#include "indexer/reader.h"

namespace portaria::indexer {
namespace {

using Code = Status::Code;
using Json = nlohmann::json;

// Advances *line (the 1-based line of byte *from) to the line of byte `offset` (>= *from).
void AdvanceLine(std::string_view text, std::size_t offset, std::size_t* from, int* line) {
  for (; *from < offset && *from < text.size(); ++*from) {
    if (text[*from] == '\n') ++*line;
  }
}

// `object[key]` if it is an object, else null (a missing or mistyped member reads as absent).
const Json* Member(const Json* object, const char* key) {
  if (object == nullptr || !object->is_object()) return nullptr;
  auto it = object->find(key);
  return it == object->end() ? nullptr : &*it;
}

// The string member `key`, trimmed; empty if it is missing or not a string.
std::string StringAt(const Json* object, const char* key) {
  const Json* m = Member(object, key);
  if (m == nullptr || !m->is_string()) return {};
  return std::string(diploma::Trim(m->get_ref<const std::string&>()));
}

// "1973-06-04T00:00:00Z" -> "de 4 de junho", as a DR title's second line dates the act.
std::string DatedAs(std::string_view iso) {
  static constexpr std::string_view kMonths[] = {"janeiro",  "fevereiro", "março",    "abril",
                                                 "maio",     "junho",     "julho",    "agosto",
                                                 "setembro", "outubro",   "novembro", "dezembro"};
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return {};
  auto digits = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return -1;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  int month = digits(5, 2), day = digits(8, 2);
  if (digits(0, 4) < 1800 || month < 1 || month > 12 || day < 1 || day > 31) return {};
  return "de " + std::to_string(day) + " de " + std::string(kMonths[month - 1]);
}

// The diploma's title, date and sumário: from the site's header for the same diploma when the
// file holds it ("header" … "DiplomaLegis"), else from a catalogue record ("cat"); either may be
// missing, and then the diploma reader finds the title in the text, if the text gives one.
struct Head {
  std::string title, date, summary;
};

Head HeadOf(const Json& root) {
  Head head;
  const Json* legis =
      Member(Member(Member(&root, "header"), "ConsolidadaConteudoDetalhe"), "DiplomaLegis");
  head.title = StringAt(legis, "ConteudoTitle");
  head.date = DatedAs(StringAt(legis, "DataPublicacao"));
  head.summary = StringAt(legis, "Sumario");
  const Json* cat = Member(&root, "cat");
  if (head.title.empty()) {
    // "Lei n.º 4/73  - Diário do Governo n.º 131/1973, …": the title before the journal.
    std::string title = StringAt(cat, "title");
    head.title = std::string(diploma::Trim(std::string_view(title).substr(0, title.find(" - "))));
  }
  if (head.date.empty()) head.date = DatedAs(StringAt(cat, "data_publicacao"));
  if (head.summary.empty()) head.summary = StringAt(cat, "sumario");
  return head;
}

// The text written out, a line at a time, with the line of the JSON each line comes from.
class Writer {
 public:
  void Line(std::string_view line, int json_line) {
    text_.append(line);
    text_.push_back('\n');
    json_lines_.push_back(json_line);
  }
  // A fragment's text: its own lines ("1 - …" / "2 - …"), carriage returns dropped.
  void Lines(std::string_view text, int json_line) {
    while (!text.empty()) {
      std::size_t nl = text.find('\n');
      std::string line(text.substr(0, nl));
      std::erase(line, '\r');
      Line(line, json_line);
      text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    }
  }
  const std::string& text() const { return text_; }
  // The JSON's line for a line of the text (1-based both); 0 if out of range.
  int JsonLine(int text_line) const {
    return text_line >= 1 && static_cast<std::size_t>(text_line) <= json_lines_.size()
               ? json_lines_[text_line - 1]
               : 0;
  }

 private:
  std::string text_;
  std::vector<int> json_lines_;
};

std::vector<Status> Relocated(const std::vector<Status>& found, const Writer& writer,
                              const std::string& file) {
  std::vector<Status> out;
  out.reserve(found.size());
  for (const Status& s : found) {
    out.push_back(Status::Error(s.code(), s.message(), file, writer.JsonLine(s.line())));
  }
  return out;
}

}  // namespace

bool IsDreConsolidatedJson(std::string_view content) {
  return content.find("\"LegConsBase\"") != std::string_view::npos;
}

ReadResult ReadDreJson(std::string_view content, const std::string& file,
                       const std::string& doc_key,
                       const std::function<bool(const std::string&)>& known) {
  ReadResult result;
  // A fatal error at a byte offset of the file (npos: of the whole document).
  auto fatal = [&](std::string message, std::size_t offset) {
    int line = 0, column = 0;
    if (offset != std::string_view::npos) LineColumnOf(content, offset, &line, &column);
    result.fatal = true;
    result.errors.push_back(
        Status::Error(Code::kInvalidArgument, std::move(message), file, line, column));
    return result;
  };
  if (std::size_t at = OffsetTooDeep(content); at != std::string_view::npos) {
    return fatal("nesting deeper than " + std::to_string(kMaxJsonDepth), at);
  }
  Json root = Json::parse(content.begin(), content.end(), nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) {
    JsonError e = LocateJsonError(content);
    return fatal(e.message, e.offset == 0 ? 0 : e.offset - 1);
  }
  // The fragments: the service's answer itself ({"LegConsBase": {"List": […]}, …}) or that
  // answer kept under "snapshot" beside the header's.
  const Json* answer = Member(&root, "snapshot") ? Member(&root, "snapshot") : &root;
  const Json* list = Member(Member(answer, "LegConsBase"), "List");
  if (list == nullptr || !list->is_array()) {
    return fatal(
        "a JSON document that is not DRE's consolidated text (no LegConsBase.List of fragments); "
        "records to index go one JSON object a line in a .jsonl file (schema/JSONL.md)",
        std::string_view::npos);
  }

  Head head = HeadOf(root);
  Writer writer;
  if (!head.title.empty()) {
    writer.Line("# " + head.title + (head.date.empty() ? "" : ", " + head.date), 1);
  }
  // Each fragment's line in the file: where its id first appears after the previous one's.
  std::size_t from = 0, search_from = 0;
  int line = 1;
  std::size_t index = 0;
  for (const Json& item : *list) {
    ++index;
    const Json* fragment = Member(&item, "ConsolidacaoFragmento");
    const Json* version = Member(&item, "FragmentoVersao");
    std::string id = StringAt(fragment, "Id");
    if (!id.empty()) {
      std::size_t at = content.find("\"" + id + "\"", search_from);
      if (at != std::string_view::npos) {
        search_from = at;
        AdvanceLine(content, at, &from, &line);
      }
    }
    std::string name = StringAt(fragment, "Name");
    const Json* text = Member(version, "Texto");
    if (name.empty() || text == nullptr || !text->is_string()) {
      std::string which = "fragment " + std::to_string(index);
      if (!name.empty()) which += " (" + name + ")";
      result.warnings.push_back(Status::Error(
          Code::kInvalidArgument,
          which + (name.empty() ? " has no Name" : " has no Texto") + ": skipped", file, line));
      continue;
    }
    // The fragment's name as the site heads it; the diploma's own fragment ("Diploma") holds
    // the sumário and the text before the first article.
    writer.Line("# " + name, line);
    if (name == "Diploma" && !head.summary.empty()) {
      // Closed with its stop, as the DR prints it: an open sumário runs on into the next line.
      bool closed = head.summary.ends_with(".") || head.summary.ends_with(")");
      writer.Line("Sumário: " + head.summary + (closed ? "" : "."), line);
    }
    std::string epigraph = StringAt(fragment, "Epigrafe");
    if (epigraph.empty()) epigraph = StringAt(version, "Epigrafe");
    if (!epigraph.empty()) writer.Line(epigraph, line);
    // "Nota" and "AlteracoesList" (which acts changed the fragment) are the site's notes, not
    // the law's text: left out, as the page reader leaves out the site's "Alterações".
    writer.Lines(text->get_ref<const std::string&>(), line);
  }

  ReadResult read = ReadDiploma(writer.text(), file, doc_key, known);
  read.errors = Relocated(read.errors, writer, file);
  std::vector<Status> warnings = std::move(result.warnings);
  for (Status& s : Relocated(read.warnings, writer, file)) warnings.push_back(std::move(s));
  read.warnings = std::move(warnings);
  return read;
}

}  // namespace portaria::indexer
