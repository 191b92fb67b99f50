// The Akoma Ntoso act's metadata (FRBRWork identification, preface) and the citation string its
// records carry as source ("Lei n.º 12.527/2011"), for the reader (indexer/akn_reader.cc).
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <utility>

#include "analysis/text.h"
#include "indexer/akn.h"
#include "indexer/reader.h"

namespace portaria::indexer::akn {
namespace {

std::string Attr(pugi::xml_node node, const char* name) {
  return analysis::ClipUtf8(std::string(Trim(node.attribute(name).value())), kMaxFieldBytes);
}

bool IsIsoDate(std::string_view s) {
  if (s.size() < 10) return false;
  for (int i = 0; i < 10; ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
  }
  return true;
}

// FRBRsubtype values (LexML URN types) to the names used when citing the act.
std::string TypeFromSubtype(std::string_view subtype) {
  std::string key;
  for (char c : subtype) {
    if (c == '-' || c == '_' || c == '.' || c == ' ') continue;
    key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {"lei", "Lei"},
      {"leicomplementar", "Lei Complementar"},
      {"leidelegada", "Lei Delegada"},
      {"decreto", "Decreto"},
      {"decretolei", "Decreto-Lei"},
      {"resolucao", "Resolução"},
      {"portaria", "Portaria"},
      {"medidaprovisoria", "Medida Provisória"},
      {"emendaconstitucional", "Emenda Constitucional"},
      {"constituicao", "Constituição"},
      {"instrucaonormativa", "Instrução Normativa"},
      {"decretolegislativo", "Decreto Legislativo"},
  };
  for (const auto& [from, to] : kTypes) {
    if (key == from) return std::string(to);
  }
  return std::string(subtype);
}

}  // namespace

Metadata ReadMetadata(pugi::xml_node document) {
  Metadata m;
  pugi::xml_node work = Path(document, {"meta", "identification", "FRBRWork"});
  m.uri = Attr(Child(work, "FRBRuri"), "value");
  if (m.uri.empty()) m.uri = Attr(Child(work, "FRBRthis"), "value");
  m.date = Attr(Child(work, "FRBRdate"), "date");
  m.country = Attr(Child(work, "FRBRcountry"), "value");
  m.subtype = Attr(Child(work, "FRBRsubtype"), "value");
  m.number = Attr(Child(work, "FRBRnumber"), "value");
  m.name = Attr(Child(work, "FRBRname"), "value");
  pugi::xml_node title = FindDescendant(Child(document, "preface"), "docTitle");
  m.doc_title = TextOf(title);
  m.doc_type = TextOf(FindDescendant(title, "docType"));
  m.doc_authority = TextOf(FindDescendant(title, "docAuthority"));
  m.doc_number = TextOf(FindDescendant(title, "docNumber"));
  m.summary = TextOf(FindDescendant(Child(document, "preface"), "longTitle"));
  if (!IsIsoDate(m.date)) m.date = Attr(FindDescendant(title, "docDate"), "date");
  m.date = IsIsoDate(m.date) ? m.date.substr(0, 10) : std::string();
  return m;
}

std::string SourceOf(const Metadata& m, const std::string& title) {
  std::string type = m.doc_type.empty() ? TypeFromSubtype(m.subtype) : m.doc_type;
  if (!m.doc_type.empty() && !m.doc_authority.empty()) type += " " + m.doc_authority;
  std::string number = m.doc_number.empty() ? m.number : m.doc_number;
  if (type.empty() || number.empty()) return title;
  std::string source = type + " n.º " + number;
  if (!m.date.empty()) source += "/" + m.date.substr(0, 4);
  return source;
}

std::string TitleOf(const Metadata& m) { return m.name.empty() ? m.doc_title : m.name; }

}  // namespace portaria::indexer::akn
