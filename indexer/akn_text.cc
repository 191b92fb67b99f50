// The text the Akoma Ntoso reader (indexer/akn_reader.cc) takes from the DOM, whitespace
// normalised, and the labels (<num>) of hierarchy elements as the records' article, número, letter.
#include <algorithm>
#include <array>
#include <cstddef>
#include <initializer_list>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <utility>

#include "analysis/text.h"
#include "indexer/akn.h"
#include "indexer/reader.h"

namespace portaria::indexer::akn {

// ---------------------------------------------------------------------------------------------
// Small string helpers.

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

namespace {

// Removes trailing label punctuation ("I –", "a)", "1.", "§ 10.") and blanks.
std::string_view TrimLabelEnd(std::string_view s) {
  static constexpr std::array<std::string_view, 7> kTails = {")",      ".",      ":", "-",
                                                             "\u2013", "\u2014", " "};
  for (bool changed = true; changed;) {
    changed = false;
    s = Trim(s);
    for (std::string_view tail : kTails) {
      if (s.ends_with(tail)) {
        s.remove_suffix(tail.size());
        changed = true;
      }
    }
  }
  return s;
}

// Strips an ASCII prefix case-insensitively; returns true if it was there.
bool ConsumePrefixNoCase(std::string_view* s, std::string_view prefix) {
  if (s->size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char a = (*s)[i], b = prefix[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (a != b) return false;
  }
  s->remove_prefix(prefix.size());
  return true;
}

std::string RemoveAll(std::string s, std::string_view what) {
  for (std::size_t pos; (pos = s.find(what)) != std::string::npos;) s.erase(pos, what.size());
  return s;
}

// Collapses runs of whitespace (ASCII and no-break space) to one space, trims both ends, and
// remembers when more than `limit` bytes were offered so that huge paragraphs are not built.
class TextBuilder {
 public:
  explicit TextBuilder(std::size_t limit) : limit_(limit) {}

  void Append(std::string_view s) {
    for (std::size_t i = 0; i < s.size() && !overflow_; ++i) {
      if (IsAsciiSpace(s[i])) {
        Break();
      } else if (s.compare(i, 2, "\xC2\xA0") == 0) {
        Break();
        ++i;
      } else {
        if (pending_space_) out_.push_back(' ');
        pending_space_ = false;
        out_.push_back(s[i]);
        overflow_ = out_.size() > limit_;
      }
    }
  }
  // A word boundary: block elements separate words even when the markup has no blank between.
  void Break() { pending_space_ = !out_.empty(); }
  bool overflow() const { return overflow_; }
  std::string Take() { return std::move(out_); }

 private:
  std::size_t limit_;
  std::string out_;
  bool pending_space_ = false;
  bool overflow_ = false;
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// DOM helpers. pugixml keeps prefixed names ("akn:act"); the profile compares local names so
// that any namespace prefix (or none) is accepted.

namespace {

// Moves to the node after `n` in document order, staying inside `root`; calls `leave` for every
// element whose subtree is finished. Iterative, so depth costs no stack.
template <typename Leave>
pugi::xml_node NextInSubtree(pugi::xml_node n, pugi::xml_node root, bool descend, Leave leave) {
  if (descend && n.first_child()) return n.first_child();
  while (n != root) {
    leave(n);
    if (n.next_sibling()) return n.next_sibling();
    n = n.parent();
  }
  return {};
}

// Elements whose boundaries separate words in the text (everything else is inline markup such
// as <ref>, <b>, <i>, <sup>, <date>, whose text joins its neighbours as written).
bool IsBlockBoundary(std::string_view name) {
  return IsOneOf(name, {"p", "br", "eol", "eop", "li", "item", "tr", "td", "th", "caption", "ul",
                        "ol", "table", "blockList", "listIntroduction", "listWrapUp"}) ||
         IsOneOf(name, {"block", "tblock", "blockContainer", "toc", "tocItem", "num", "heading",
                        "subheading", "content", "intro", "wrapUp", "list", "point", "paragraph",
                        "article", "quotedStructure"});
}

}  // namespace

std::string_view LocalName(pugi::xml_node node) {
  std::string_view name = node.name();
  std::size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node Child(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c) == local) return c;
  }
  return {};
}

pugi::xml_node Path(pugi::xml_node node, std::initializer_list<std::string_view> locals) {
  for (std::string_view local : locals) node = Child(node, local);
  return node;
}

bool IsOneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string CollectText(pugi::xml_node node, std::size_t limit, bool* overflow) {
  TextBuilder text(limit);
  auto leave = [&text](pugi::xml_node n) {
    if (n.type() == pugi::node_element && IsBlockBoundary(LocalName(n))) text.Break();
  };
  for (pugi::xml_node n = node.first_child(); n && !text.overflow();) {
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) text.Append(n.value());
    if (n.type() == pugi::node_element && IsBlockBoundary(LocalName(n))) text.Break();
    n = NextInSubtree(n, node, n.type() == pugi::node_element, leave);
  }
  if (overflow != nullptr) *overflow = text.overflow();
  return text.Take();
}

std::string TextOf(pugi::xml_node node) {
  if (!node) return {};
  return analysis::ClipUtf8(CollectText(node, kMaxFieldBytes + 4, nullptr), kMaxFieldBytes);
}

pugi::xml_node FindDescendant(pugi::xml_node root, std::string_view local) {
  auto ignore = [](pugi::xml_node) {};
  for (pugi::xml_node n = root.first_child(); n;) {
    if (n.type() == pugi::node_element && LocalName(n) == local) return n;
    n = NextInSubtree(n, root, true, ignore);
  }
  return {};
}

// ---------------------------------------------------------------------------------------------
// Labels of hierarchy elements.

std::string NumOf(pugi::xml_node node) { return TextOf(Child(node, "num")); }
std::string HeadingOf(pugi::xml_node node) { return TextOf(Child(node, "heading")); }

std::string ArticleNumber(std::string_view num) {
  num = Trim(num);
  if (!ConsumePrefixNoCase(&num, "artigo")) ConsumePrefixNoCase(&num, "art.");
  return std::string(TrimLabelEnd(num));
}

std::string ParagraphNumber(std::string_view num) {
  num = Trim(num);
  std::string_view rest = num;
  if (ConsumePrefixNoCase(&rest, "par\xC3\xA1grafo") ||
      ConsumePrefixNoCase(&rest, "par\xC3\x81grafo")) {
    std::string_view word = Trim(TrimLabelEnd(rest));
    if (word == "\xC3\xBAnico" || word == "\xC3\x9ANICO") return "\xC3\xBAnico";  // único
    return std::string(word);
  }
  std::string s = RemoveAll(std::string(num), "\xC2\xA7");  // §
  for (std::string_view ordinal : {"\xC2\xBA", "\xC2\xB0", "\xC2\xAA"}) s = RemoveAll(s, ordinal);
  return std::string(TrimLabelEnd(s));
}

std::string LetterOf(std::string_view num) {
  num = Trim(num);
  if (num.starts_with("(")) num.remove_prefix(1);
  return std::string(TrimLabelEnd(num));
}

}  // namespace portaria::indexer::akn
