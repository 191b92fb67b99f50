// embed DB QUERY: prints the text of the best paragraph, using only the installed public API.
#include <portaria/search.h>

#include <iostream>
#include <memory>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: embed DB QUERY\n";
    return 2;
  }
  std::unique_ptr<portaria::Searcher> searcher;
  portaria::Status status = portaria::Searcher::Open(argv[1], &searcher);
  if (!status.ok()) {
    std::cerr << "embed: " << status.ToString() << "\n";
    return 1;
  }
  portaria::SearchRequest request;
  request.query = argv[2];
  request.limit = 1;
  portaria::SearchResponse response;
  status = searcher->Search(request, &response);
  if (!status.ok()) {
    std::cerr << "embed: " << status.ToString() << "\n";
    return 1;
  }
  if (response.hits.empty()) {
    std::cerr << "embed: no results for \"" << request.query << "\"\n";
    return 1;
  }
  std::cout << response.hits.front().paragraph.text << "\n";
  return 0;
}
