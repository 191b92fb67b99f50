// Reader for Markdown-like pages (schema/SCHEMA.md, "Pages"): headings give the section path and
// the organic unit, list items and prose paragraphs become records, "a)" items carry their letter,
// and a "Fonte:" line gives the source of the paragraphs of its section.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analysis/text.h"
#include "indexer/front_matter.h"
#include "indexer/markup.h"
#include "indexer/reader.h"
#include "indexer/units.h"

namespace portaria::indexer {
namespace {

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// "a) text" -> letter "a"; also "a." is not accepted (it is too often an abbreviation).
bool SplitLetter(std::string_view item, std::string* letter, std::string_view* rest) {
  if (item.size() >= 3 && item[0] >= 'a' && item[0] <= 'z' && item[1] == ')' && item[2] == ' ') {
    *letter = std::string(1, item[0]);
    *rest = TrimView(item.substr(3));
    return true;
  }
  return false;
}

// "15-04-2020" -> "2020-04-15"; anything else -> "".
std::string IsoDate(std::string_view dmy) {
  dmy = TrimView(dmy);
  if (dmy.size() != 10 || dmy[2] != '-' || dmy[5] != '-') return {};
  for (std::size_t i : {0, 1, 3, 4, 6, 7, 8, 9}) {
    if (dmy[i] < '0' || dmy[i] > '9') return {};
  }
  return std::string(dmy.substr(6, 4)) + "-" + std::string(dmy.substr(3, 2)) + "-" +
         std::string(dmy.substr(0, 2));
}

class PageParser {
 public:
  PageParser(const std::string& file, const std::string& doc_key)
      : file_(file), doc_key_(doc_key) {}

  ReadResult Parse(std::string_view content) {
    int number = 0;
    // A Markdown front matter (as a site's generator heads a page) is the page's metadata,
    // not its text.
    for (int lines = ReadFrontMatter(content).lines; number < lines && !content.empty(); ++number)
      content.remove_prefix(content.find('\n') == std::string_view::npos ? content.size()
                                                                         : content.find('\n') + 1);
    while (!content.empty()) {
      std::size_t nl = content.find('\n');
      std::string_view line = content.substr(0, nl);
      content = nl == std::string_view::npos ? std::string_view() : content.substr(nl + 1);
      ++number;
      Line(line, number);
    }
    Flush();
    for (auto& p : result_.paragraphs) {
      if (p.date.empty()) p.date = date_;
    }
    return std::move(result_);
  }

 private:
  void Line(std::string_view raw, int number) {
    std::string_view line = TrimView(raw);
    if (line.empty()) return Flush();
    if (line.front() == '#') return Heading(line, number);
    std::string plain = StripEmphasis(line);
    if (plain.rfind("Fonte:", 0) == 0) {
      Flush();
      return Source(plain.substr(6));
    }
    if (plain.rfind("Atualizado em:", 0) == 0) {
      Flush();
      date_ = IsoDate(plain.substr(14));
      return;
    }
    std::size_t indent = raw.find_first_not_of(" \t");
    bool item =
        line.size() > 1 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ';
    if (item) {
      Flush();
      pending_text_ = std::string(TrimView(line.substr(2)));
      pending_line_ = number;
      pending_is_item_ = true;
      return;
    }
    // Prose, or the continuation of a list item (indented) or of a prose paragraph.
    if (!pending_text_.empty()) {
      pending_text_ += ' ';
      pending_text_ += line;
      return;
    }
    (void)indent;
    pending_text_ = std::string(line);
    pending_line_ = number;
    pending_is_item_ = false;
  }

  void Heading(std::string_view line, int number) {
    Flush();
    std::size_t level = line.find_first_not_of('#');
    if (level == std::string_view::npos) return;
    std::string title = StripEmphasis(line.substr(level));
    while (!title.empty() && title.back() == ':') title.pop_back();
    if (title.empty()) return;
    std::string named = UnitFromHeading(title);
    bool subheading = IsUnitSubheading(title);
    // "## Competências" right after "## Centro Nacional de Pensões" continues that unit's
    // section: nest it under the unit's heading in the section path.
    if (level <= 2 && named.empty() && subheading && !unit_.empty()) ++level;
    headings_.resize(std::min<std::size_t>(headings_.size(), level - 1));
    while (headings_.size() < level - 1) headings_.push_back({});
    headings_.push_back(title);
    if (level <= 2) {
      if (!named.empty()) {
        NewGroup();
        unit_ = named;
      } else if (!subheading) {
        NewGroup();
        unit_.clear();
      }
    } else if (!named.empty() && subheading) {
      unit_ = named;  // "Competências dos Centros Distritais" inside a section
    }
    (void)number;
  }

  void NewGroup() {
    group_start_ = result_.paragraphs.size();
    group_source_.clear();
  }

  void Source(std::string_view text) {
    std::string source = analysis::ClipUtf8(analysis::NormalizeSpace(text), kMaxFieldBytes);
    while (!source.empty() && (source.back() == '.' || source.back() == ' ')) source.pop_back();
    for (std::size_t i = group_start_; i < result_.paragraphs.size(); ++i) {
      if (result_.paragraphs[i].source.empty()) result_.paragraphs[i].source = source;
    }
    group_source_ = source;
  }

  std::string SectionPath() const {
    std::string path;
    for (const auto& h : headings_) {
      if (h.empty()) continue;
      if (!path.empty()) path += " > ";
      path += h;
    }
    return path;
  }

  void Flush() {
    if (pending_text_.empty()) return;
    std::string text = analysis::NormalizeSpace(pending_text_);
    pending_text_.clear();
    std::string letter;
    std::string_view body = text;
    if (pending_is_item_) SplitLetter(text, &letter, &body);
    if (body.empty()) return;
    if (body.size() > kMaxParagraphBytes) {
      result_.errors.push_back(
          Status::Error(Status::Code::kInvalidArgument,
                        "paragraph longer than " + std::to_string(kMaxParagraphBytes) + " bytes",
                        file_, pending_line_));
      return;
    }
    // The same paragraph of the same unit twice on a page (a repeated block) is one record.
    std::string dedup = unit_ + '\x1f' + analysis::FoldAndStrip(body);
    if (!seen_.insert(dedup).second) return;

    Paragraph p;
    p.text = std::string(body);
    // Fields are clipped like every reader's (reader.h): a heading can be a whole line of junk.
    p.unit = analysis::ClipUtf8(unit_, kMaxFieldBytes);
    p.letter = letter;
    p.source = group_source_;
    p.section = analysis::ClipUtf8(SectionPath(), kMaxFieldBytes);
    p.doc = "page:" + doc_key_;
    p.file = file_;
    std::string slug = Slug(p.section);
    if (slug.empty()) slug = "s";
    std::string local = letter.empty() ? "p" + std::to_string(++ordinal_[slug]) : letter;
    std::string id = p.doc + "#" + slug + "/" + local;
    for (int n = 2; !ids_.insert(id).second; ++n)
      id = p.doc + "#" + slug + "/" + local + "~" + std::to_string(n);
    p.id = std::move(id);
    result_.paragraphs.push_back(std::move(p));
  }

  const std::string& file_;
  const std::string& doc_key_;
  ReadResult result_;
  std::vector<std::string> headings_;
  std::string unit_, group_source_, date_;
  std::size_t group_start_ = 0;
  std::string pending_text_;
  int pending_line_ = 0;
  bool pending_is_item_ = false;
  std::unordered_set<std::string> seen_, ids_;
  std::unordered_map<std::string, int> ordinal_;
};

}  // namespace

ReadResult ReadPage(std::string_view content, const std::string& file, const std::string& doc_key) {
  PageParser parser(file, doc_key);
  return parser.Parse(content);
}

}  // namespace portaria::indexer
