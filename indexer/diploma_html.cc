#include "indexer/diploma_html.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "indexer/diploma.h"
#include "indexer/front_matter.h"

namespace portaria::indexer::diploma {
namespace {

// The element names that open or close a block: text on either side is on lines of its own.
constexpr std::array<std::string_view, 24> kBlocks = {
    "p",  "div", "h1",         "h2",      "h3",      "h4",    "h5",     "h6",
    "br", "li",  "ol",         "ul",      "dl",      "dt",    "dd",     "tr",
    "td", "th",  "blockquote", "section", "article", "table", "header", "hr"};

bool IsBlock(std::string_view name) {
  return std::find(kBlocks.begin(), kBlocks.end(), name) != kBlocks.end();
}

// A tag's name, lower case, and whether it closes ("</li>"); `tag` is what lies between < and >.
std::string TagName(std::string_view tag, bool* closing) {
  *closing = tag.starts_with("/");
  if (*closing) tag.remove_prefix(1);
  std::string name;
  for (char c : tag) {
    if (!std::isalnum(static_cast<unsigned char>(c))) break;
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return name;
}

// The value of attribute `type` in an <ol …> tag ("a", "i", "A", "1"), or "1".
char ListType(std::string_view tag) {
  std::size_t at = tag.find("type=");
  if (at == std::string_view::npos || at + 6 >= tag.size()) return '1';
  char c = tag[at + 5] == '"' || tag[at + 5] == '\'' ? tag[at + 6] : tag[at + 5];
  return c == 'a' || c == 'A' || c == 'i' || c == 'I' ? c : '1';
}

std::string Roman(int n) {
  static constexpr std::pair<int, std::string_view> kDigits[] = {
      {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}};
  std::string out;
  for (auto [value, digits] : kDigits) {
    for (; n >= value; n -= value) out += digits;
  }
  return out;
}

// The marker a browser numbers the `n`-th item of a list of `type` with, as the law writes it.
std::string Marker(char type, int n) {
  switch (type) {
    case 'a':
    case 'A': {
      std::string letter(1, static_cast<char>('a' + (n - 1) % 26));
      if (n > 26) letter += letter;  // "aa)" after "z)"
      return (type == 'A' ? std::string(1, static_cast<char>(std::toupper(letter[0]))) : letter) +
             ") ";
    }
    case 'i':
      return Roman(n) + ") ";
    case 'I': {
      std::string r = Roman(n);
      std::transform(r.begin(), r.end(), r.begin(), [](char c) { return std::toupper(c); });
      return r + " - ";
    }
    default:
      return std::to_string(n) + " - ";
  }
}

// Whether an item's text writes its own marker ("1 - …", "2. …", "a) …", "1) …", "iv) …").
bool WritesMarker(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && text[i] == '(') ++i;
  std::size_t start = i;
  while (i < text.size() && i - start < 5 && std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
  if (i == start || i >= text.size()) return false;
  std::string_view token = text.substr(start, i - start);
  bool digits = std::all_of(token.begin(), token.end(), [](char c) { return IsDigit(c); });
  bool lower = std::all_of(token.begin(), token.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (text[i] == ')') return digits || (lower && token.size() <= 4);
  if (!digits) return false;
  std::string_view after = text.substr(i);
  return after.starts_with(" - ") || after.starts_with(" — ") || after.starts_with(" – ") ||
         after.starts_with(". ") || after.starts_with(".º");
}

void AppendUtf8(unsigned code, std::string* out) {
  if (code < 0x80) {
    out->push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code >> 6)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x110000) {
    out->push_back(static_cast<char>(0xF0 | (code >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

// The character reference at the start of `s` ("&#8220;", "&#x201C;", "&nbsp;", "&eacute;")
// decoded into *out; the length read, or 0 where `s` holds none.
std::size_t DecodeReference(std::string_view s, std::string* out) {
  std::size_t semi = s.find(';');
  if (semi == std::string_view::npos || semi < 2 || semi > 10) return 0;
  std::string_view name = s.substr(1, semi - 1);
  if (name.front() == '#') {
    bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    unsigned code = 0;
    for (char c : digits) {
      int v = IsDigit(c) ? c - '0'
              : hex && std::isxdigit(static_cast<unsigned char>(c))
                  ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                  : -1;
      if (v < 0) return 0;
      code = code * (hex ? 16 : 10) + static_cast<unsigned>(v);
      if (code > 0x10FFFF) return 0;
    }
    AppendUtf8(code == 0xA0 ? ' ' : code, out);
    return semi + 1;
  }
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"nbsp", " "},   {"amp", "&"},    {"lt", "<"},     {"gt", ">"},     {"quot", "\""},
      {"apos", "'"},   {"ordm", "º"},   {"ordf", "ª"},   {"laquo", "«"},  {"raquo", "»"},
      {"ldquo", "“"},  {"rdquo", "”"},  {"lsquo", "‘"},  {"rsquo", "’"},  {"ndash", "–"},
      {"mdash", "—"},  {"hellip", "…"}, {"sect", "§"},   {"deg", "°"},    {"euro", "€"},
      {"aacute", "á"}, {"eacute", "é"}, {"iacute", "í"}, {"oacute", "ó"}, {"uacute", "ú"},
      {"Aacute", "Á"}, {"Eacute", "É"}, {"Iacute", "Í"}, {"Oacute", "Ó"}, {"Uacute", "Ú"},
      {"agrave", "à"}, {"Agrave", "À"}, {"acirc", "â"},  {"ecirc", "ê"},  {"ocirc", "ô"},
      {"Acirc", "Â"},  {"Ecirc", "Ê"},  {"Ocirc", "Ô"},  {"atilde", "ã"}, {"otilde", "õ"},
      {"Atilde", "Ã"}, {"Otilde", "Õ"}, {"ccedil", "ç"}, {"Ccedil", "Ç"}, {"uuml", "ü"}};
  for (auto [named, text] : kNamed) {
    if (name == named) {
      out->append(text);
      return semi + 1;
    }
  }
  return 0;
}

// The text of a block: whitespace runs made one space, trimmed.
std::string Collapse(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::string DecodeReferences(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::size_t n = text[i] == '&' ? DecodeReference(text.substr(i), &out) : 0;
    if (n > 0) {
      i += n - 1;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

bool LaidOutInHtml(std::string_view content) {
  int blocks = 0, items = 0;
  for (std::size_t at = content.find('<'); at != std::string_view::npos && blocks < 50;
       at = content.find('<', at + 1)) {
    std::size_t close = content.find('>', at);
    if (close == std::string_view::npos || close - at > 200) continue;
    bool closing = false;
    std::string name = TagName(content.substr(at + 1, close - at - 1), &closing);
    if (!IsBlock(name)) continue;
    ++blocks;
    if (!closing && (name == "li" || name == "p")) ++items;
  }
  return blocks >= 6 && items >= 3;
}

std::vector<HtmlLine> HtmlToLines(std::string_view content) {
  std::vector<HtmlLine> out;
  struct List {
    char type;  // '1', 'a', 'A', 'i', 'I'; '-' for a bulleted list
    int count;
  };
  std::vector<List> lists;
  std::string block, marker;
  int block_line = 0, line = 0;
  bool started = false;                       // the block holds some text
  bool in_comment = false, skipping = false;  // inside <!-- … -->, <script> or <style>
  auto flush = [&]() {
    std::string text = Collapse(block);
    block.clear();
    started = false;
    if (text.empty()) return;
    if (!marker.empty() && !WritesMarker(text)) text = marker + text;
    marker.clear();
    if (!out.empty()) out.push_back({"", block_line});
    out.push_back({std::move(text), block_line});
  };
  auto append = [&](std::string_view text) {
    if (!started && text.find_first_not_of(" \t\r") != std::string_view::npos) {
      started = true;
      block_line = line;
    }
    block.append(text);
  };
  std::string_view rest = content;
  // A Markdown front matter stays as it is, line by line: the cleaning reads it.
  for (int lines = ReadFrontMatter(content).lines; line < lines && !rest.empty();) {
    std::size_t nl = rest.find('\n');
    out.push_back({std::string(rest.substr(0, nl)), ++line});
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  }
  while (!rest.empty()) {
    std::size_t nl = rest.find('\n');
    std::string_view l = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++line;
    std::string_view trimmed = Trim(l);
    if (!in_comment && !skipping && (trimmed.empty() || trimmed.starts_with("#"))) {
      flush();  // a blank line ends a paragraph; a Markdown heading is a line of its own
      if (!trimmed.empty()) {
        append(trimmed);
        flush();
      }
      continue;
    }
    for (std::size_t i = 0; i < l.size(); ++i) {
      if (in_comment) {
        std::size_t end = l.find("-->", i);
        if (end == std::string_view::npos) break;
        in_comment = false;
        i = end + 2;
        continue;
      }
      char c = l[i];
      if (c == '<') {
        if (l.substr(i).starts_with("<!--")) {
          in_comment = true;
          i += 3;
          continue;
        }
        std::size_t close = l.find('>', i);
        if (close != std::string_view::npos) {
          std::string_view tag = l.substr(i + 1, close - i - 1);
          bool closing = false;
          std::string name = TagName(tag, &closing);
          if (!name.empty()) {
            i = close;
            if (name == "script" || name == "style") skipping = !closing;
            if (skipping) continue;
            if (IsBlock(name)) flush();
            if ((name == "ol" || name == "ul") && !closing) {
              lists.push_back({name == "ol" ? ListType(tag) : '-', 0});
            } else if ((name == "ol" || name == "ul") && closing) {
              if (!lists.empty()) lists.pop_back();
            } else if (name == "li" && !closing && !lists.empty()) {
              List& list = lists.back();
              marker = list.type == '-' ? "" : Marker(list.type, ++list.count);
            }
            continue;
          }
        }
      }
      if (skipping) continue;
      if (c == '&') {
        std::string decoded;
        if (std::size_t n = DecodeReference(l.substr(i), &decoded); n > 0) {
          append(decoded);
          i += n - 1;
          continue;
        }
      }
      append(std::string_view(&l[i], 1));
    }
    block.push_back(' ');
  }
  flush();
  return out;
}

}  // namespace portaria::indexer::diploma
