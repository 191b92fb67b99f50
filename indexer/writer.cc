// IndexWriter: walks inputs, reads records, builds documents and writes them to Xapian.
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <unordered_set>

#include "analysis/analyzer.h"
#include "indexer/document.h"
#include "indexer/reader.h"
#include "portaria/index.h"
#include "schema/schema.h"
#include "schema/versions.h"

namespace portaria {
namespace {

namespace fs = std::filesystem;

bool IsHidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name.front() == '.';
}

// Files under `paths`, sorted, hidden entries skipped; missing paths reported in *errors.
std::vector<fs::path> CollectFiles(const std::vector<std::string>& paths,
                                   std::vector<Status>* errors) {
  std::vector<fs::path> files;
  for (const auto& given : paths) {
    fs::path root(given);
    std::error_code ec;
    if (fs::is_regular_file(root, ec)) {
      files.push_back(root);
      continue;
    }
    if (!fs::is_directory(root, ec)) {
      errors->push_back(Status::Error(Status::Code::kNotFound, "no such file or directory", given));
      continue;
    }
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec),
        end;
    for (; !ec && it != end; it.increment(ec)) {
      if (IsHidden(it->path())) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file()) files.push_back(it->path());
    }
    if (ec) errors->push_back(Status::Error(Status::Code::kIOError, ec.message(), given));
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

class XapianIndexWriter : public IndexWriter {
 public:
  XapianIndexWriter(Xapian::WritableDatabase db, std::string path)
      : db_(std::move(db)), path_(std::move(path)) {}

  Status IndexPaths(const std::vector<std::string>& paths, const IndexOptions& options,
                    IndexStats* stats,
                    const std::function<void(const IndexProgress&)>& progress) override {
    auto started = std::chrono::steady_clock::now();
    std::vector<fs::path> files = CollectFiles(paths, &stats->errors);
    stats->files_failed += stats->errors.size();
    IndexProgress state;
    state.files_total = files.size();
    try {
      for (const auto& file : files) {
        state.current_file = file.string();
        if (progress) progress(state);
        IndexFile(file, options, stats);
        ++state.files_done;
        state.paragraphs = stats->paragraphs_added + stats->paragraphs_replaced;
        if (!options.dry_run && options.batch_size > 0 && pending_ >= options.batch_size) {
          Status s = Commit();
          if (!s.ok()) return s;
        }
      }
      if (progress) progress(state);
      if (!options.dry_run) {
        Status s = Commit();
        if (!s.ok()) return s;
      }
    } catch (const Xapian::Error& e) {
      return Status::Error(Status::Code::kIOError, e.get_description(), path_);
    }
    stats->seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return Status::Ok();
  }

  Status Add(const Paragraph& paragraph, bool* replaced) override {
    try {
      AddUnchecked(paragraph, replaced);
      return Status::Ok();
    } catch (const Xapian::Error& e) {
      return Status::Error(Status::Code::kIOError, e.get_description(), path_);
    }
  }

  Status Commit() override {
    try {
      schema::WriteVersions(db_, analysis::kAnalyzerVersion);
      db_.commit();
      pending_ = 0;
      return Status::Ok();
    } catch (const Xapian::Error& e) {
      return Status::Error(Status::Code::kIOError, e.get_description(), path_);
    }
  }

  std::size_t paragraph_count() const override { return db_.get_doccount(); }

 private:
  void AddUnchecked(const Paragraph& paragraph, bool* replaced) {
    std::string id_term = indexer::IdTerm(paragraph.id);
    if (replaced != nullptr) *replaced = db_.term_exists(id_term);
    db_.replace_document(id_term, indexer::BuildDocument(paragraph, order_++, &analyzer_));
    ++pending_;
  }

  void IndexFile(const fs::path& file, const IndexOptions& options, IndexStats* stats) {
    if (indexer::FormatForPath(file) == indexer::Format::kUnknown) {
      ++stats->files_unsupported;
      return;
    }
    ++stats->files_seen;
    indexer::ReadResult read = indexer::ReadFile(file);
    for (auto& e : read.errors) stats->errors.push_back(std::move(e));
    if (read.fatal) {
      ++stats->files_failed;
      return;
    }
    stats->paragraphs_failed += read.errors.size();
    std::string file_key = fs::weakly_canonical(file).string();
    std::unordered_set<std::string> produced;
    order_ = 0;
    for (auto& p : read.paragraphs) {
      p.file = file_key;
      produced.insert(indexer::IdTerm(p.id));
      bool replaced = false;
      if (options.dry_run) {
        replaced = db_.term_exists(indexer::IdTerm(p.id));
        indexer::BuildDocument(p, order_++, &analyzer_);
      } else {
        AddUnchecked(p, &replaced);
      }
      ++(replaced ? stats->paragraphs_replaced : stats->paragraphs_added);
    }
    if (!options.dry_run) RemoveStale(file_key, produced);
    ++stats->files_indexed;
  }

  // Paragraphs a file produced before but no longer does are deleted with it re-indexed.
  void RemoveStale(const std::string& file_key, const std::unordered_set<std::string>& produced) {
    std::string file_term = std::string(schema::kFilePrefix) + file_key;
    if (file_term.size() > schema::kMaxTermBytes) file_term.resize(schema::kMaxTermBytes);
    std::vector<Xapian::docid> stale;
    for (auto it = db_.postlist_begin(file_term); it != db_.postlist_end(file_term); ++it) {
      Xapian::Document doc = db_.get_document(*it);
      auto t = doc.termlist_begin();
      t.skip_to(std::string(schema::kIdPrefix));
      if (t == doc.termlist_end() || !produced.count(*t)) stale.push_back(*it);
    }
    for (auto id : stale) db_.delete_document(id);
  }

  Xapian::WritableDatabase db_;
  std::string path_;
  analysis::Analyzer analyzer_;
  std::size_t pending_ = 0;
  std::uint32_t order_ = 0;
};

}  // namespace

IndexWriter::~IndexWriter() = default;

Status IndexWriter::Open(const std::string& path, std::unique_ptr<IndexWriter>* writer) {
  try {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    Status s = schema::CheckVersions(db, analysis::kAnalyzerVersion, path);
    if (!s.ok()) return s;
    *writer = std::make_unique<XapianIndexWriter>(std::move(db), path);
    return Status::Ok();
  } catch (const Xapian::DatabaseLockError&) {
    return Status::Error(Status::Code::kLocked, "database is locked by another indexer", path);
  } catch (const Xapian::Error& e) {
    return Status::Error(Status::Code::kIOError, e.get_description(), path);
  } catch (const std::exception& e) {
    return Status::Error(Status::Code::kInternal, e.what(), path);
  }
}

}  // namespace portaria
