// Word order read from one paragraph's stored positions: what OP_PHRASE and OP_NEAR test, for
// the few paragraphs a ranking step looks at. Xapian's phrase matcher, asked about one paragraph,
// reads the positions of every paragraph holding the words until one matches; reading them here
// costs one position list per term and paragraph, whatever the index's size.
#ifndef PORTARIA_SEARCHER_POSITIONS_H_
#define PORTARIA_SEARCHER_POSITIONS_H_

#include <xapian.h>

#include <string>
#include <vector>

namespace portaria::searcher {

// True if paragraph `docid` of `db` holds one of the terms `first` and, fewer than `window`
// positions after it, one of `second` (window 2: right after it). A term the paragraph lacks has
// no positions.
bool InOrderWithin(const Xapian::Database& db, Xapian::docid docid,
                   const std::vector<std::string>& first, const std::vector<std::string>& second,
                   Xapian::termpos window);

}  // namespace portaria::searcher

#endif  // PORTARIA_SEARCHER_POSITIONS_H_
