// Terms built from a paragraph's identity rather than from its words: the unique id term and the
// source file's term. Here, not in the indexer, because the searcher names paragraphs by their id
// term too (the second ranking phase restricts its query to the first phase's candidates).
#ifndef PORTARIA_SCHEMA_TERMS_H_
#define PORTARIA_SCHEMA_TERMS_H_

#include <string>
#include <string_view>
#include <vector>

namespace portaria::schema {

// The unique id term ("Q" + id, hashed if the id is too long for a Xapian term).
std::string IdTerm(std::string_view id);

// The boolean term of a source file ("XF" + path). A path too long for a Xapian term is
// shortened with a hash instead of clipped, so two long paths never share a term and re-indexing
// one file cannot remove another file's paragraphs as stale.
std::string FileTerm(std::string_view file);

// The article a paragraph id lies in: the id up to the end of its last article step, or empty
// when it names none (a page, JSON Lines ids of another shape). Article steps are a path step
// "art" + number ("art3", "art19-a", "anexo/art3", "art2/art22" for an article quoted in an
// amendment, "artbase-xii" for a lei de bases's Base XII) in diploma ids, and "art_" + number in
// Akoma Ntoso eIds, whose steps are separated by "__" ("…/9784#art_13__para_caput__point_3" ->
// "…/9784#art_13"). Paragraphs with the same
// scope are the números and alíneas of one article (schema/SCHEMA.md, "Ids").
std::string_view ArticleScope(std::string_view id);

// The list items a paragraph stands under, read from its id as ArticleScope reads its article,
// outermost first: the alínea of a subalínea in diploma ids ("…#art7/n2/d/ii" -> {"d"}; an EU
// definition's points, "…#art4/16/a" -> {"16"}), the points above its own in Akoma Ntoso eIds
// ("…#art_3__para_caput__point_ii__point_a" -> {"ii"}). Empty for a paragraph in no list or at
// its list's first level, and for pages and ids without '#'. The paragraph is found by these
// items' letters too, so a look-up of "alínea d)" lists its subalíneas (schema/SCHEMA.md).
std::vector<std::string_view> EnclosingItems(std::string_view id);

// 16 hex digits of FNV-1a 64 of `bytes`: stable across compilers, machines and runs (std::hash is
// not), so it can be stored in the database (collapse keys, hashed terms, the manifest).
std::string HashHex(std::string_view bytes);

// The same digest fed in pieces, for a file read as a stream: Hex() after Update(a), Update(b)
// is HashHex(a + b).
class StreamHash {
 public:
  void Update(std::string_view bytes);
  std::string Hex() const;

 private:
  unsigned long long h_ = 1469598103934665603ull;
};

}  // namespace portaria::schema

#endif  // PORTARIA_SCHEMA_TERMS_H_
