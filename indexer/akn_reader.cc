// Akoma Ntoso 3.0 reader: one Paragraph per text leaf of the body and of the attachments. The
// text, labels and metadata it reads are taken by indexer/akn_text.cc and akn_metadata.cc.
//
// The accepted profile (elements read, how they map to record fields, ids, limits) is documented
// in schema/AKOMA_NTOSO.md. Everything here walks the DOM with explicit loops or an explicit
// stack, never recursion, because the input may be hostile: the nesting depth is checked once,
// up front, before any other walk.
#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <initializer_list>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analysis/text.h"
#include "indexer/akn.h"
#include "indexer/reader.h"
#include "indexer/units.h"

namespace portaria::indexer {
namespace {

// The text, labels and metadata the walk reads (indexer/akn.h).
using akn::ArticleNumber;
using akn::CollectText;
using akn::HeadingOf;
using akn::IsAsciiSpace;
using akn::IsOneOf;
using akn::LetterOf;
using akn::LocalName;
using akn::Metadata;
using akn::NumOf;
using akn::ParagraphNumber;
using akn::ReadMetadata;
using akn::SourceOf;
using akn::TitleOf;

// Real acts nest about 25 elements deep; 1000 leaves room for any sane document while keeping
// the walker's stack (one frame per open element) small.
constexpr int kMaxDepth = 1000;

using Code = Status::Code;

// ---------------------------------------------------------------------------------------------
// Positions and fatal checks.

Status ErrorAt(std::string_view content, const std::string& file, std::ptrdiff_t offset,
               std::string message) {
  int line, column;
  LineColumnOf(content, offset < 0 ? 0 : static_cast<std::size_t>(offset), &line, &column);
  return Status::Error(Code::kInvalidArgument, std::move(message), file, line, column);
}

Status CheckDepth(const pugi::xml_document& doc, std::string_view content,
                  const std::string& file) {
  int depth = 1;
  for (pugi::xml_node n = doc.first_child(); n;) {
    if (n.type() == pugi::node_element && depth > kMaxDepth) {
      return ErrorAt(content, file, n.offset_debug(),
                     "nesting deeper than " + std::to_string(kMaxDepth) + " elements");
    }
    if (n.first_child()) {
      n = n.first_child();
      ++depth;
      continue;
    }
    while (n && !n.next_sibling()) {
      n = n.parent();
      --depth;
    }
    if (n) n = n.next_sibling();
  }
  return Status::Ok();
}

bool IsDocumentType(std::string_view name) {
  return IsOneOf(
      name, {"act", "bill", "doc", "statement", "amendment", "amendmentList", "judgment", "debate",
             "debateReport", "officialGazette", "documentCollection", "portion"});
}

// ---------------------------------------------------------------------------------------------
// The body walk.

enum class Kind {
  kSkip,         // metadata, labels, preface...: not body text
  kTransparent,  // wrappers that add nothing to the context (body, list, attachments...)
  kSubDocument,  // a document inside an attachment or component (annex)
  kContainer,    // part/book/title/chapter/section...: adds "num heading" to the section path
  kArticle,
  kParagraph,
  kPoint,    // point/alinea/item/indent: sets the letter
  kContent,  // <content>: the text of its parent hierarchy element
  kOwnText,  // <intro>/<wrapUp>: text of its own, identified by its own eId
  kBlock,    // anything else at a structural position (<p> directly in a mainBody...)
};

Kind Classify(pugi::xml_node node, bool inside_wrapper) {
  std::string_view name = LocalName(node);
  if (IsOneOf(name, {"meta", "num", "heading", "subheading", "preface", "preamble", "conclusions",
                     "coverPage", "toc", "crossHeading", "componentRef", "documentRef",
                     "interstitial", "authorialNote", "notes"})) {
    return Kind::kSkip;
  }
  if (IsDocumentType(name)) return inside_wrapper ? Kind::kSubDocument : Kind::kBlock;
  if (IsOneOf(name,
              {"body", "mainBody", "list", "sublist", "attachments", "attachment", "components",
               "component", "collectionBody", "amendmentBody", "judgmentBody", "debateBody"})) {
    return Kind::kTransparent;
  }
  if (IsOneOf(name, {"part", "subpart", "book", "tome", "title", "subtitle", "chapter",
                     "subchapter", "section", "subsection", "division", "subdivision", "level",
                     "hcontainer", "clause", "subclause", "rule", "subrule", "transitional"})) {
    return Kind::kContainer;
  }
  if (name == "article") return Kind::kArticle;
  if (name == "paragraph") return Kind::kParagraph;
  if (IsOneOf(name, {"point", "alinea", "item", "indent", "subparagraph"})) return Kind::kPoint;
  if (name == "content") return Kind::kContent;
  if (name == "intro" || name == "wrapUp") return Kind::kOwnText;
  return Kind::kBlock;
}

bool IsWrapper(std::string_view name) {
  return IsOneOf(name, {"attachments", "attachment", "components", "component", "collectionBody"});
}

// The context a text leaf inherits from the elements around it.
struct Scope {
  std::string section;  // title > annex > containers
  std::string article, number, letter, unit;
  std::string context;        // the intros of the enclosing lists, outermost first
  std::string outer_context;  // the context outside the innermost list (for its own intro)
};

class Walker {
 public:
  Walker(std::string_view content, const std::string& file, pugi::xml_node document,
         ReadResult* result)
      : content_(content), file_(file), document_(document), result_(result) {}

  void Run() {
    meta_ = ReadMetadata(document_);
    title_ = TitleOf(meta_);
    source_ = analysis::ClipUtf8(SourceOf(meta_, title_), kMaxFieldBytes);
    if (title_.empty()) title_ = source_;  // the section path still names the act
    if (meta_.uri.empty()) meta_.uri = "akn:" + std::filesystem::path(file_).stem().string();
    Scope root;
    root.section = title_;
    stack_.push_back({document_, document_.first_child(), std::move(root)});
    while (!stack_.empty()) Step();
  }

 private:
  struct Frame {
    pugi::xml_node node;
    pugi::xml_node next;  // next child to visit
    Scope scope;
  };

  void Step() {
    Frame& top = stack_.back();
    pugi::xml_node child = top.next;
    if (!child) {
      stack_.pop_back();
      return;
    }
    top.next = child.next_sibling();
    if (child.type() != pugi::node_element) return;
    Visit(child, top.scope, IsWrapper(LocalName(top.node)));
  }

  void Visit(pugi::xml_node node, const Scope& outer, bool inside_wrapper) {
    Kind kind = Classify(node, inside_wrapper);
    switch (kind) {
      case Kind::kSkip:
        return;
      case Kind::kContent:
        return Emit(node, EidOf(node.parent()), outer);
      case Kind::kOwnText:
      case Kind::kBlock:
        return Emit(node, EidOf(node), outer);
      default:
        break;
    }
    Scope scope = ScopeFor(node, kind, outer);
    // CheckDepth already bounds the stack; this guards the invariant if that check changes.
    if (stack_.size() >= static_cast<std::size_t>(kMaxDepth)) return;
    stack_.push_back({node, node.first_child(), std::move(scope)});
  }

  Scope ScopeFor(pugi::xml_node node, Kind kind, const Scope& outer) {
    Scope scope = outer;
    if (LocalName(node) == "list" || LocalName(node) == "sublist") {
      // Points are read with the sentence that introduces them ("Compete ao órgão:").
      for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element && LocalName(c) == "intro") {
          scope.outer_context = outer.context;
          scope.context = analysis::ClipUtf8(
              Join(outer.context, CollectText(c, kMaxFieldBytes + 4, nullptr), " "),
              kMaxFieldBytes);
          break;
        }
      }
    }
    if (kind == Kind::kTransparent) return scope;
    if (kind == Kind::kSubDocument) {
      scope = Scope();
      scope.section = analysis::ClipUtf8(Join(title_, AnnexLabel(node)), kMaxFieldBytes);
      return scope;
    }
    std::string heading = HeadingOf(node);
    if (std::string unit = heading.empty() ? "" : UnitFromHeading(heading); !unit.empty()) {
      scope.unit = analysis::ClipUtf8(std::move(unit), kMaxFieldBytes);
    }
    std::string num = NumOf(node);
    switch (kind) {
      case Kind::kContainer:
        scope.section =
            analysis::ClipUtf8(Join(scope.section, Join(num, heading, " ")), kMaxFieldBytes);
        scope.article.clear();
        scope.number.clear();
        scope.letter.clear();
        break;
      case Kind::kArticle:
        scope.article = ArticleNumber(num);
        scope.number.clear();
        scope.letter.clear();
        break;
      case Kind::kParagraph:
        scope.number = ParagraphNumber(num);
        scope.letter.clear();
        break;
      case Kind::kPoint:
        scope.letter = LetterOf(num);
        break;
      default:
        break;
    }
    return scope;
  }

  static std::string Join(const std::string& a, const std::string& b,
                          std::string_view sep = " > ") {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return a + std::string(sep) + b;
  }

  // How an annex is named in the section path: its docTitle, else its FRBRname without the
  // act's own name ("Decreto nº 12.002, de 22 de abril de 2024, Anexo 1" -> "Anexo 1"), else
  // "Anexo N" by position.
  std::string AnnexLabel(pugi::xml_node doc) {
    ++annex_ordinal_;
    Metadata annex = ReadMetadata(doc);
    std::string_view label = annex.doc_title.empty() ? annex.name : annex.doc_title;
    if (!title_.empty() && label.starts_with(title_) && label.size() > title_.size()) {
      label.remove_prefix(title_.size());
      while (!label.empty() && (label.front() == ',' || IsAsciiSpace(label.front()))) {
        label.remove_prefix(1);
      }
    }
    if (!label.empty()) return std::string(label);
    return "Anexo " + std::to_string(annex_ordinal_);
  }

  // The element's eId (or AKN 2 "id"); without one, a deterministic path of "name_ordinal"
  // steps below the nearest ancestor that has one, e.g. "art_3__paragraph_2".
  std::string EidOf(pugi::xml_node node) {
    std::vector<std::string> steps;
    for (pugi::xml_node n = node; n && n != document_; n = n.parent()) {
      std::string_view eid = n.attribute("eId").value();
      if (eid.empty()) eid = n.attribute("id").value();
      if (!eid.empty()) {
        steps.emplace_back(eid);
        break;
      }
      std::string_view name = LocalName(n);
      if (name == "body" || name == "mainBody") continue;  // one per document: adds nothing
      steps.push_back(std::string(name) + "_" + std::to_string(Ordinal(n, name)));
    }
    std::string eid;
    for (auto it = steps.rbegin(); it != steps.rend(); ++it) eid = Join(eid, *it, "__");
    return eid;
  }

  // The position of `node` among its siblings named `name`, from 1. Remembered per element:
  // counting the earlier siblings each time made a body of n bare <p> cost n²/2 steps.
  int Ordinal(pugi::xml_node node, std::string_view name) {
    auto known = ordinals_.find(node.internal_object());
    if (known != ordinals_.end()) return known->second;
    int ordinal = 1;
    for (pugi::xml_node s = node.previous_sibling(); s; s = s.previous_sibling()) {
      if (s.type() != pugi::node_element || LocalName(s) != name) continue;
      auto before = ordinals_.find(s.internal_object());
      if (before != ordinals_.end()) {
        ordinal += before->second;
        break;
      }
      ++ordinal;
    }
    ordinals_.emplace(node.internal_object(), ordinal);
    return ordinal;
  }

  void Emit(pugi::xml_node text_node, const std::string& eid, const Scope& scope) {
    bool overflow = false;
    std::string text = CollectText(text_node, kMaxParagraphBytes, &overflow);
    if (overflow) {
      result_->errors.push_back(ErrorAt(content_, file_, text_node.offset_debug(),
                                        "paragraph " + eid + " is longer than " +
                                            std::to_string(kMaxParagraphBytes) +
                                            " bytes; skipped"));
      return;
    }
    if (text.empty()) return;  // an empty <content/> holds nothing to search
    if (eid.size() > kMaxFieldBytes) {
      // Clipping the id could give two leaves the same one; refuse the leaf instead.
      result_->errors.push_back(ErrorAt(
          content_, file_, text_node.offset_debug(),
          "eId longer than " + std::to_string(kMaxFieldBytes) + " bytes; paragraph skipped"));
      return;
    }
    Paragraph p;
    p.id = meta_.uri + "#" + eid;
    p.text = std::move(text);
    p.unit = scope.unit;
    p.letter = analysis::ClipUtf8(scope.letter, kMaxFieldBytes);
    p.source = source_;
    p.section = scope.section;
    p.context = LocalName(text_node) == "intro" ? scope.outer_context : scope.context;
    p.article = analysis::ClipUtf8(scope.article, kMaxFieldBytes);
    p.number = analysis::ClipUtf8(scope.number, kMaxFieldBytes);
    p.date = meta_.date;
    p.summary = meta_.summary;
    p.doc = meta_.uri;
    p.file = file_;
    result_->paragraphs.push_back(std::move(p));
  }

  std::string_view content_;
  const std::string& file_;
  pugi::xml_node document_;
  std::unordered_map<const pugi::xml_node_struct*, int> ordinals_;  // see Ordinal()
  ReadResult* result_;
  Metadata meta_;
  std::string title_, source_;
  int annex_ordinal_ = 0;
  std::vector<Frame> stack_;
};

ReadResult Fatal(Status status) {
  ReadResult result;
  result.fatal = true;
  result.errors.push_back(std::move(status));
  return result;
}

}  // namespace

ReadResult ReadAkomaNtoso(std::string_view content, const std::string& file) {
  if (content.size() > kMaxFileBytes) {
    return Fatal(Status::Error(Code::kInvalidArgument,
                               "file larger than " + std::to_string(kMaxFileBytes) + " bytes",
                               file));
  }
  // parse_default leaves out parse_doctype: the DOCTYPE is skipped, and pugixml has no DTD
  // processing at all, so custom entities are never expanded and external ones never read (an
  // unknown "&name;" stays in the text verbatim). parse_ws_pcdata keeps the blank between two
  // inline elements ("<b>a</b> <i>b</i>") so words do not run together.
  pugi::xml_document doc;
  pugi::xml_parse_result parsed =
      doc.load_buffer(content.data(), content.size(), pugi::parse_default | pugi::parse_ws_pcdata,
                      pugi::encoding_utf8);
  if (!parsed) {
    return Fatal(ErrorAt(content, file, parsed.offset,
                         std::string("XML parse error: ") + parsed.description()));
  }
  if (Status depth = CheckDepth(doc, content, file); !depth.ok()) return Fatal(std::move(depth));

  pugi::xml_node root = doc.document_element();
  if (LocalName(root) != "akomaNtoso") {
    return Fatal(Status::Error(
        Code::kInvalidArgument,
        "not an Akoma Ntoso document (root element <" + std::string(root.name()) + ">)", file));
  }
  pugi::xml_node document;
  for (pugi::xml_node c = root.first_child(); c && !document; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && IsDocumentType(LocalName(c))) document = c;
  }
  if (!document) {
    return Fatal(Status::Error(Code::kInvalidArgument,
                               "not an Akoma Ntoso document (no act, bill, doc... under "
                               "<akomaNtoso>)",
                               file));
  }
  ReadResult result;
  Walker(content, file, document, &result).Run();
  return result;
}

}  // namespace portaria::indexer
