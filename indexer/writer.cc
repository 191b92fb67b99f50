// IndexWriter: walks inputs, reads records, builds documents and writes them to Xapian.
//
// Incremental and crash-safe batch indexing (schema/BATCH.md): a manifest kept in the database's
// metadata says which files are already indexed as they are now, and every change is made inside
// a Xapian transaction that also carries the manifest entries of the files it wrote. Reading and
// analysing (Prepare) run on a helper thread, one or two files ahead of the writing.
#include "indexer/writer.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "analysis/analyzer.h"
#include "analysis/lemmatizer.h"
#include "analysis/rules_lexicon.h"
#include "indexer/document.h"
#include "indexer/manifest.h"
#include "indexer/prepare.h"
#include "indexer/walk.h"
#include "portaria/index.h"
#include "schema/schema.h"
#include "schema/terms.h"
#include "schema/versions.h"
#include "schema/word_lexicon.h"
#include "schema/xapian_error.h"

namespace portaria {
namespace {

using indexer::FileJob;
using indexer::FoundFile;
using indexer::ManifestEntry;
using indexer::PreparedFile;
using indexer::Preparer;
using indexer::ShardRole;
using indexer::Walk;

class XapianIndexWriter : public IndexWriter {
 public:
  // `reader` is what the writer compares with: `db` itself, or for a dry run the database at
  // `path` opened read-only (no lock), while `db` is an empty one in memory that nothing reaches.
  XapianIndexWriter(Xapian::WritableDatabase db, Xapian::Database reader, std::string path,
                    ShardRole role, bool dry_run)
      : db_(std::move(db)),
        reader_(std::move(reader)),
        path_(std::move(path)),
        role_(std::move(role)),
        dry_run_(dry_run) {}

  Status IndexPaths(const std::vector<std::string>& paths, const IndexOptions& options,
                    IndexStats* stats,
                    const std::function<void(const IndexProgress&)>& progress) override {
    auto started = std::chrono::steady_clock::now();
    std::vector<Status> walk_errors;
    Walk walk = indexer::CollectFiles(paths, &walk_errors);
    if (role_.reports_files) {
      stats->files_failed += walk_errors.size();
      for (auto& e : walk_errors) stats->errors.push_back(std::move(e));
    }
    IndexProgress state;
    state.files_total = walk.files.size();
    for (const auto& f : walk.files) state.bytes_total += f.size;
    const bool write = !options.dry_run;
    batch_ids_.clear();
    try {
      LoadManifest();
      if (write && !in_transaction_) Begin();  // records Add()ed before join this batch
      std::vector<FileJob> jobs;
      for (const auto& file : walk.files) {
        FileJob job;
        job.file = &file;
        if (auto known = manifest_.find(file.key); known != manifest_.end())
          job.before = known->second;
        job.reread = options.force || !job.before || job.before->errors > 0;
        jobs.push_back(std::move(job));
      }
      Preparer preparer(&jobs, role_.filter);
      for (const auto& file : walk.files) {
        state.current_file = file.path.string();
        if (progress) progress(state);
        for (bool more = true; more;) {
          PreparedFile part = preparer.Next();
          more = part.more;
          WritePrepared(file, std::move(part), options, stats);
          // A streamed file commits part by part, so that a batch stays a batch; its manifest
          // entry comes with its last part, so a run cut short reads it again.
          if (more && write && options.batch_size > 0 && pending_ >= options.batch_size) {
            CommitTransaction(stats);
            Begin();
          }
        }
        ++state.files_done;
        state.bytes_done += file.size;
        state.paragraphs = stats->paragraphs_added + stats->paragraphs_replaced;
        if (write && options.batch_size > 0 && pending_ >= options.batch_size) {
          CommitTransaction(stats);
          Begin();
        }
      }
      RemoveMissing(walk, options, stats);
      if (write) CommitTransaction(stats);
      state.current_file.clear();
      if (progress) progress(state);
    } catch (const Xapian::Error& e) {
      Abandon();
      return schema::StatusFromXapian(e, path_);
    } catch (const std::exception& e) {  // e.g. out of memory: the API promises no throws
      Abandon();
      return Status::Error(Status::Code::kInternal, e.what(), path_);
    }
    stats->seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return Status::Ok();
  }

  Status Add(const Paragraph& paragraph, bool* replaced) override {
    if (!role_.filter.Keeps(paragraph.id)) {
      return Status::Error(Status::Code::kInternal, "paragraph routed to another shard",
                           path_);  // the sharded writer routes: a bug if it ever happens
    }
    try {
      // Inside a transaction, so that nothing is durable before Commit() (index.h): outside one,
      // Xapian would commit by itself every XAPIAN_FLUSH_THRESHOLD changes.
      if (!in_transaction_) Begin();
      AddUnchecked(paragraph, replaced);
      return Status::Ok();
    } catch (const Xapian::Error& e) {
      return schema::StatusFromXapian(e, path_);
    }
  }

  Status Commit() override {
    try {
      WriteVersionsIfNeeded();
      if (in_transaction_) {
        db_.commit_transaction();
        in_transaction_ = false;
        dirty_ = false;
      } else {
        db_.commit();
      }
      pending_ = 0;
      return Status::Ok();
    } catch (const Xapian::Error& e) {
      return schema::StatusFromXapian(e, path_);
    }
  }

  std::size_t paragraph_count() const override { return reader_.get_doccount(); }

  // The copy is made from the committed revision while this writer holds the lock, so nothing
  // can change under it; the old directory is swapped out still locked by this writer, which
  // then opens the new one.
  Status Compact() override {
    Status committed = Commit();
    if (!committed.ok() || dry_run_) return committed;
    namespace fs = std::filesystem;
    const fs::path target(path_);
    const fs::path fresh(indexer::CompactingPath(path_)), away(indexer::CompactedAwayPath(path_));
    std::error_code ec;
    fs::remove_all(fresh, ec);  // a copy left by an interrupted Compact()
    fs::remove_all(away, ec);
    try {
      Xapian::Database(path_).compact(fresh.string(), Xapian::DBCOMPACT_NO_RENUMBER);
    } catch (const Xapian::Error& e) {
      fs::remove_all(fresh, ec);
      return schema::StatusFromXapian(e, path_);
    }
    auto failed = [&](const std::string& what, std::error_code why) {  // a copy: `ec` is reused
      fs::remove_all(fresh, ec);
      return Status::Error(Status::Code::kIOError, what + ": " + why.message(), path_);
    };
    if (fs::rename(target, away, ec); ec) return failed("cannot move the old copy aside", ec);
    if (fs::rename(fresh, target, ec); ec) {
      std::error_code back;
      fs::rename(away, target, back);
      return failed("cannot put the compacted copy in place", ec);
    }
    try {
      db_.close();
      db_ = Xapian::WritableDatabase(path_, Xapian::DB_OPEN);
      reader_ = db_;
    } catch (const Xapian::DatabaseLockError&) {
      return Status::Error(Status::Code::kLocked,
                           "compacted, but another indexer took the database meanwhile", path_);
    } catch (const Xapian::Error& e) {
      return schema::StatusFromXapian(e, path_);
    }
    fs::remove_all(away, ec);
    return Status::Ok();
  }

 private:
  void AddUnchecked(const Paragraph& paragraph, bool* replaced) {
    std::string id_term = schema::IdTerm(paragraph.id);
    if (replaced != nullptr) *replaced = reader_.term_exists(id_term);
    analysis::Lemmatizer::Recorder words;
    db_.replace_document(id_term, indexer::BuildDocument(paragraph, order_++, &analyzer_));
    SaveWords(words.Take());
    ++pending_;
  }

  // The word lexicon (schema/word_lexicon.h): each word once per writer, so a run writes what
  // its files brought, and a word saved by an earlier run is only written again, unchanged.
  void SaveWords(const std::map<std::string, std::vector<std::string>>& words) {
    constexpr std::size_t kMaxRemembered = 1u << 21;  // ~2M words: memory stays bounded
    for (const auto& [word, keys] : words) {
      if (!words_saved_.insert(word).second) continue;
      if (words_saved_.size() > kMaxRemembered) words_saved_.clear();
      std::string key = schema::WordLexiconKey(word);
      if (!key.empty()) db_.set_metadata(key, schema::EncodeLemmaKeys(keys));
    }
  }

  // Outside a transaction Xapian commits by itself every XAPIAN_FLUSH_THRESHOLD changes, which
  // could persist half of a file's paragraphs without its manifest entry; inside one, only our
  // commit_transaction() makes changes durable, and a crash falls back to the previous one.
  void Begin() {
    db_.begin_transaction(/*flushed=*/true);
    in_transaction_ = true;
  }

  void CommitTransaction(IndexStats* stats) {
    if (dirty_) WriteVersionsIfNeeded();
    db_.commit_transaction();
    in_transaction_ = false;
    if (dirty_) ++stats->commits;
    dirty_ = false;
    pending_ = 0;
  }

  // After a database error: drop the uncommitted batch so the handle is usable again (the
  // files in it were not recorded as done, so the next run redoes them).
  void Abandon() {
    if (!in_transaction_) return;
    in_transaction_ = false;
    try {
      db_.cancel_transaction();
    } catch (const Xapian::Error&) {
      // The database is already failing; the caller reports the first error.
    }
    manifest_.clear();
    words_saved_.clear();  // their entries went with the batch: a later one writes them again
    dirty_ = false;
    pending_ = 0;
  }

  // Written only when they differ, so that a run with nothing to do writes no new revision.
  void WriteVersionsIfNeeded() {
    if (db_.get_metadata(std::string(schema::kMetaSchemaVersion)) != schema::kSchemaVersion ||
        db_.get_metadata(std::string(schema::kMetaAnalyzerVersion)) != analysis::kAnalyzerVersion) {
      schema::WriteVersions(db_, analysis::kAnalyzerVersion);
    }
    const std::string& lexicon = analysis::RulesLexicon();
    const std::string key(schema::kMetaRulesLexicon);
    if (db_.get_metadata(key) != lexicon) db_.set_metadata(key, lexicon);
  }

  void LoadManifest() {
    manifest_.clear();
    const std::string prefix(schema::kMetaManifestPrefix);
    for (auto it = reader_.metadata_keys_begin(prefix); it != reader_.metadata_keys_end(prefix);
         ++it) {
      ManifestEntry e;
      if (indexer::DecodeEntry(reader_.get_metadata(*it), &e)) manifest_[e.path] = std::move(e);
    }
  }

  void PutManifest(const ManifestEntry& e) {
    db_.set_metadata(indexer::ManifestKey(e.path), indexer::EncodeEntry(e));
    manifest_[e.path] = e;
    dirty_ = true;
  }

  // Writes what Prepare() made of `file`, with its manifest entry, into the open transaction.
  void WritePrepared(const FoundFile& file, PreparedFile prepared, const IndexOptions& options,
                     IndexStats* stats) {
    using Outcome = PreparedFile::Outcome;
    if (prepared.outcome == Outcome::kUnsupported) {
      ++stats->files_unsupported;
      return;
    }
    // A large JSON Lines file arrives in parts (prepare.h); it is one file seen, not one per part.
    if (!continuing_) ++stats->files_seen;
    const bool write = !options.dry_run;
    const bool report = role_.reports_files;
    switch (prepared.outcome) {
      case Outcome::kUnchanged:
        ++stats->files_unchanged;
        return;
      case Outcome::kReadFailed:
        if (report) stats->errors.push_back(std::move(prepared.read_error));
        ++stats->files_failed;
        return;
      case Outcome::kSameBytes:
        // Touched or copied but the same bytes: remember the new mtime so the next run can skip
        // it on the cheap test again.
        ++stats->files_unchanged;
        if (write) PutManifest(prepared.entry);
        return;
      default:
        break;
    }
    if (report) {
      for (auto& e : prepared.errors) stats->errors.push_back(std::move(e));
      for (auto& w : prepared.warnings) stats->warnings.push_back(std::move(w));
    }
    if (!continuing_) {  // the first part of a file, or the whole of it
      produced_.clear();
      file_paragraphs_ = file_errors_ = 0;
    }
    continuing_ = prepared.more;
    if (prepared.outcome == Outcome::kRejected) {
      // Nothing usable (e.g. its only paragraph is over the size limit). The file's previous
      // paragraphs and manifest entry, if any, stay: its size or mtime no longer match, so the
      // next run tries it again.
      ++stats->files_failed;
      return;
    }
    if (report) stats->paragraphs_failed += prepared.entry.errors;
    for (std::size_t i = 0; i < prepared.docs.size(); ++i) {
      const std::string& id_term = prepared.id_terms[i];
      // An id is a paragraph's identity: a second paragraph with it, in this file or another
      // of this batch, would silently overwrite the first. The first is kept, the others are
      // errors (and the file, having errors, is read again on the next run).
      auto [owner, fresh] = batch_ids_.try_emplace(id_term, file.key);
      if (!fresh) {
        std::string where = owner->second == file.key ? "earlier in this file"
                                                      : "by " + owner->second + " in this batch";
        stats->errors.push_back(
            Status::Error(Status::Code::kInvalidArgument,
                          "duplicate id \"" + id_term.substr(schema::kIdPrefix.size()) +
                              "\": already given " + where + "; the first is kept",
                          file.path.string()));
        ++stats->paragraphs_failed;
        ++prepared.entry.errors;
        --prepared.entry.paragraphs;
        continue;
      }
      produced_.insert(id_term);
      bool replaced = reader_.term_exists(id_term);
      if (write) {
        db_.replace_document(id_term, prepared.docs[i]);
        ++pending_;
        dirty_ = true;
      }
      ++(replaced ? stats->paragraphs_replaced : stats->paragraphs_added);
    }
    if (write) SaveWords(prepared.words);
    file_paragraphs_ += prepared.entry.paragraphs;
    file_errors_ += prepared.entry.errors;
    if (prepared.more) return;  // the file's manifest entry and stale paragraphs wait for its end
    prepared.entry.paragraphs = file_paragraphs_;
    prepared.entry.errors = file_errors_;
    stats->paragraphs_deleted += RemoveStale(file.key, produced_, write);
    if (write) PutManifest(prepared.entry);
    ++stats->files_indexed;
    if (role_.indexed_files != nullptr) role_.indexed_files->push_back(file.key);
  }

  // Paragraphs a file produced before but no longer does are deleted with it re-indexed.
  // Returns how many there are (deleted only if `apply`).
  std::size_t RemoveStale(const std::string& file_key,
                          const std::unordered_set<std::string>& produced, bool apply) {
    std::string file_term = schema::FileTerm(file_key);
    std::vector<Xapian::docid> stale;
    for (auto it = reader_.postlist_begin(file_term); it != reader_.postlist_end(file_term); ++it) {
      Xapian::Document doc = reader_.get_document(*it);
      auto t = doc.termlist_begin();
      t.skip_to(std::string(schema::kIdPrefix));
      if (t == doc.termlist_end() || !produced.count(*t)) stale.push_back(*it);
    }
    if (apply) {
      for (auto id : stale) db_.delete_document(id);
      pending_ += stale.size();
      if (!stale.empty()) dirty_ = true;
    }
    return stale.size();
  }

  // Files the manifest lists under a walked directory that the walk did not find.
  void RemoveMissing(const Walk& walk, const IndexOptions& options, IndexStats* stats) {
    if (walk.complete_dirs.empty()) return;
    std::unordered_set<std::string> found;
    for (const auto& f : walk.files) found.insert(f.key);
    std::vector<std::string> missing;
    for (const auto& [path, entry] : manifest_) {
      if (found.count(path)) continue;
      for (const auto& dir : walk.complete_dirs) {
        if (indexer::IsUnder(path, dir)) {
          missing.push_back(path);
          break;
        }
      }
    }
    std::sort(missing.begin(), missing.end());
    for (const auto& path : missing) {
      ++stats->files_missing;
      if (options.keep_missing) continue;
      std::string term = schema::FileTerm(path);
      stats->paragraphs_deleted += reader_.get_termfreq(term);
      if (options.dry_run) continue;
      pending_ += reader_.get_termfreq(term);
      db_.delete_document(term);  // every document carrying the unique-per-file term
      db_.set_metadata(indexer::ManifestKey(path), std::string());
      manifest_.erase(path);
      dirty_ = true;
    }
  }

  Xapian::WritableDatabase db_;
  Xapian::Database reader_;  // reads go here (see the constructor)
  std::string path_;
  ShardRole role_;
  analysis::Analyzer analyzer_;
  std::unordered_map<std::string, ManifestEntry> manifest_;  // by file key
  std::size_t pending_ = 0;  // paragraph changes since the last commit
  bool in_transaction_ = false;
  // The ids written by the current IndexPaths() run, with the file that gave each: an id given
  // twice in a run is an error, wherever the second comes from.
  std::unordered_map<std::string, std::string> batch_ids_;
  std::unordered_set<std::string> words_saved_;  // SaveWords()
  bool dirty_ = false;                           // anything written in the current transaction
  // The file being written: the ids it gave and its counts, over all its parts when streamed.
  std::unordered_set<std::string> produced_;
  std::size_t file_paragraphs_ = 0, file_errors_ = 0;
  bool continuing_ = false;  // more parts of the same file follow
  std::uint32_t order_ = 0;
  bool dry_run_ = false;
};

}  // namespace

namespace indexer {

std::string CompactingPath(const std::string& path) { return path + ".compacting"; }
std::string CompactedAwayPath(const std::string& path) { return path + ".compacted-away"; }

Status OpenDatabaseWriter(const std::string& path, const ShardRole& role, bool dry_run,
                          std::unique_ptr<IndexWriter>* writer) {
  try {
    // A Compact() interrupted between its two renames left the database only under its
    // aside name: it goes back in place (the compacted copy, if complete, is just dropped). A
    // dry run changes nothing, this neither.
    std::error_code ec;
    if (!dry_run && !std::filesystem::exists(path, ec) &&
        std::filesystem::is_directory(CompactedAwayPath(path), ec)) {
      std::filesystem::rename(CompactedAwayPath(path), path, ec);
      if (ec) {
        return Status::Error(
            Status::Code::kIOError,
            "cannot restore the database from " + CompactedAwayPath(path) + ": " + ec.message(),
            path);
      }
    }
    Xapian::WritableDatabase db;
    Xapian::Database reader;
    if (!dry_run) {
      db = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
      reader = db;  // the same handle: reads see this writer's uncommitted changes
    } else {
      // Read-only: a dry run takes no lock, so it can run beside the indexer that owns `path`.
      db = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
      try {
        reader = Xapian::Database(path);
      } catch (const Xapian::DatabaseNotFoundError&) {
        // Nothing to compare with: everything is new, and nothing is created at `path`.
        reader = db;
      }
    }
    Status s = schema::CheckVersions(reader, analysis::kAnalyzerVersion, path);
    if (!s.ok()) return s;
    *writer =
        std::make_unique<XapianIndexWriter>(std::move(db), std::move(reader), path, role, dry_run);
    return Status::Ok();
  } catch (const Xapian::DatabaseLockError&) {
    return Status::Error(Status::Code::kLocked, "database is locked by another indexer", path);
  } catch (const Xapian::Error& e) {
    return schema::StatusFromXapian(e, path);
  } catch (const std::exception& e) {
    return Status::Error(Status::Code::kInternal, e.what(), path);
  }
}

}  // namespace indexer
}  // namespace portaria
