// IndexWriter: walks inputs, reads records, builds documents and writes them to Xapian.
//
// Incremental and crash-safe batch indexing (schema/BATCH.md): a manifest kept in the database's
// metadata says which files are already indexed as they are now, and every change is made inside
// a Xapian transaction that also carries the manifest entries of the files it wrote. Reading and
// analysing (Prepare) run on a helper thread, one or two files ahead of the writing.
#include <sys/stat.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "analysis/analyzer.h"
#include "analysis/rules_lexicon.h"
#include "indexer/document.h"
#include "indexer/reader.h"
#include "portaria/index.h"
#include "schema/schema.h"
#include "schema/terms.h"
#include "schema/versions.h"
#include "schema/xapian_error.h"

namespace portaria {
namespace {

namespace fs = std::filesystem;

bool IsHidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name.front() == '.';
}

// One file found by the walk. `key` identifies it in the manifest and in its paragraphs' file
// term: the path where it was found, with the directories leading to it resolved (so "corpus/x"
// and "./corpus/x" are the same file) but a symlinked file keeping its own name.
struct FoundFile {
  fs::path path;  // as given or walked, used in messages
  std::string key;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  bool stat_ok = false;
};

struct Walk {
  std::vector<FoundFile> files;  // sorted by key, unique
  // Resolved directories that were walked completely: only under these may files be declared
  // missing, so a permission error or a mistyped path never deletes anything.
  std::vector<std::string> complete_dirs;
};

std::string Resolved(const fs::path& p) {
  std::error_code ec;
  fs::path r = fs::weakly_canonical(p, ec);
  return ec ? fs::absolute(p).lexically_normal().string() : r.string();
}

void StatFile(FoundFile* f) {
  struct stat st;
  if (::stat(f->path.c_str(), &st) != 0) return;
  f->size = static_cast<std::uint64_t>(st.st_size);
  f->mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  f->stat_ok = true;
}

// Files under `paths`, hidden entries skipped; missing paths reported in *errors.
Walk CollectFiles(const std::vector<std::string>& paths, std::vector<Status>* errors) {
  Walk walk;
  for (const auto& given : paths) {
    fs::path root(given);
    std::error_code ec;
    if (fs::is_regular_file(root, ec)) {
      FoundFile f;
      f.path = root;
      f.key = (fs::path(Resolved(root.parent_path().empty() ? "." : root.parent_path())) /
               root.filename())
                  .string();
      walk.files.push_back(std::move(f));
      continue;
    }
    if (!fs::is_directory(root, ec)) {
      errors->push_back(Status::Error(Status::Code::kNotFound, "no such file or directory", given));
      continue;
    }
    std::string resolved_root = Resolved(root);
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec),
        end;
    for (; !ec && it != end; it.increment(ec)) {
      std::error_code type_ec;  // an entry vanishing mid-walk is skipped, not thrown
      if (IsHidden(it->path())) {
        if (it->is_directory(type_ec)) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(type_ec)) continue;
      FoundFile f;
      f.path = it->path();
      f.key = (fs::path(resolved_root) / it->path().lexically_relative(root)).string();
      walk.files.push_back(std::move(f));
    }
    if (ec) {
      errors->push_back(Status::Error(Status::Code::kIOError, ec.message(), given));
    } else {
      walk.complete_dirs.push_back(resolved_root);
    }
  }
  std::sort(walk.files.begin(), walk.files.end(),
            [](const FoundFile& a, const FoundFile& b) { return a.key < b.key; });
  walk.files.erase(
      std::unique(walk.files.begin(), walk.files.end(),
                  [](const FoundFile& a, const FoundFile& b) { return a.key == b.key; }),
      walk.files.end());
  for (auto& f : walk.files) StatFile(&f);
  return walk;
}

// What the manifest remembers of one indexed file (stored as JSON, see schema/BATCH.md).
struct ManifestEntry {
  std::string path;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string hash;            // HashHex of the raw bytes
  std::size_t paragraphs = 0;  // paragraphs it produced (they carry its file term)
  std::size_t errors = 0;      // parts skipped; a file with errors is re-read on every run
};

std::string EncodeEntry(const ManifestEntry& e) {
  nlohmann::ordered_json j;
  j["path"] = e.path;
  j["size"] = e.size;
  j["mtime_ns"] = e.mtime_ns;
  j["hash"] = e.hash;
  j["paragraphs"] = e.paragraphs;
  if (e.errors > 0) j["errors"] = e.errors;
  return j.dump();
}

// False for a value this version cannot read: the file is then simply indexed again.
bool DecodeEntry(const std::string& value, ManifestEntry* e) {
  nlohmann::json j = nlohmann::json::parse(value, nullptr, false);
  if (!j.is_object() || !j.contains("path") || !j["path"].is_string()) return false;
  try {
    e->path = j["path"].get<std::string>();
    e->size = j.value("size", std::uint64_t{0});
    e->mtime_ns = j.value("mtime_ns", std::int64_t{0});
    e->hash = j.value("hash", std::string());
    e->paragraphs = j.value("paragraphs", std::size_t{0});
    e->errors = j.value("errors", std::size_t{0});
  } catch (const nlohmann::json::exception&) {
    return false;  // a field of the wrong type
  }
  return true;
}

// Metadata keys are limited like terms; a long path is shortened with its hash (the entry's
// value keeps the full path, so nothing needs to be read back from the key).
std::string ManifestKey(const std::string& path) {
  std::string key = std::string(schema::kMetaManifestPrefix) + path;
  if (key.size() <= schema::kMaxTermBytes) return key;
  return std::string(schema::kMetaManifestPrefix) + path.substr(0, 180) + "#" +
         schema::HashHex(path);
}

bool IsUnder(const std::string& path, const std::string& dir) {
  return path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 &&
         (dir.back() == '/' || path[dir.size()] == '/');
}

// One file read, parsed and analysed into documents: everything indexing does that needs no
// database. A second thread prepares the next files while the main thread writes this one, so
// analysis and Xapian's own work run on both cores; the results are written in walk order, so
// the database is the same as with one thread.
struct PreparedFile {
  enum class Outcome { kUnsupported, kUnchanged, kReadFailed, kSameBytes, kRejected, kParsed };
  Outcome outcome = Outcome::kUnsupported;
  Status read_error;                   // kReadFailed
  ManifestEntry entry;                 // kSameBytes, kRejected, kParsed
  std::vector<Status> errors;          // the reader's, for kRejected and kParsed
  std::vector<Status> warnings;        // the reader's, for kParsed
  std::vector<std::string> id_terms;   // kParsed: one per paragraph, in order ...
  std::vector<Xapian::Document> docs;  // ... with its document
  // kParsed: a part of a file read as a stream (indexer::JsonLinesStream) after which more
  // parts of the same file follow. Each part's entry counts its own paragraphs and errors.
  bool more = false;
  std::exception_ptr failure;  // preparing threw (e.g. out of memory)
};

// What the main thread knows of a file before it is prepared (the manifest is only read and
// written by the main thread).
struct FileJob {
  const FoundFile* file = nullptr;
  std::optional<ManifestEntry> before;
  bool reread = true;
};

// The documents of `paragraphs`, numbered from `*order` on, into `out`.
void BuildDocuments(std::vector<Paragraph>& paragraphs, const std::string& file_key,
                    std::uint32_t* order, analysis::Analyzer* analyzer, PreparedFile* out) {
  for (auto& p : paragraphs) {
    p.file = file_key;
    out->id_terms.push_back(schema::IdTerm(p.id));
    out->docs.push_back(indexer::BuildDocument(p, (*order)++, analyzer));
  }
}

// A JSON Lines file too large to read whole, hashed and then parsed part by part: each part is
// emitted as soon as it is analysed, so memory follows the part, not the file.
void PrepareStream(const FileJob& job, analysis::Analyzer* analyzer,
                   const std::function<void(PreparedFile)>& emit) {
  const FoundFile& file = *job.file;
  PreparedFile head;
  head.entry.path = file.key;
  head.entry.size = file.size;
  head.entry.mtime_ns = file.mtime_ns;
  {
    std::ifstream in(file.path, std::ios::binary);
    schema::StreamHash hash;
    std::string block(1u << 20, '\0');
    while (in.read(block.data(), block.size()) || in.gcount() > 0) {
      hash.Update(std::string_view(block.data(), static_cast<std::size_t>(in.gcount())));
    }
    if (in.bad() || !in.eof()) {
      head.outcome = PreparedFile::Outcome::kReadFailed;
      head.read_error = Status::Error(Status::Code::kIOError, "cannot read file", file.path);
      return emit(std::move(head));
    }
    head.entry.hash = hash.Hex();
  }
  if (!job.reread && job.before->hash == head.entry.hash) {
    head.outcome = PreparedFile::Outcome::kSameBytes;
    head.entry.paragraphs = job.before->paragraphs;
    return emit(std::move(head));
  }
  indexer::JsonLinesStream stream(file.path);
  indexer::ReadResult read;
  std::uint32_t order = 0;
  std::size_t paragraphs = 0;
  bool more = stream.Next(&read);
  while (true) {
    PreparedFile part;
    part.entry = head.entry;
    part.outcome = PreparedFile::Outcome::kParsed;
    part.entry.errors = read.errors.size();
    part.entry.paragraphs = read.paragraphs.size();
    paragraphs += read.paragraphs.size();
    part.errors = std::move(read.errors);
    part.warnings = std::move(read.warnings);
    BuildDocuments(read.paragraphs, file.key, &order, analyzer, &part);
    more = more && stream.Next(&read);
    part.more = more;
    if (!more) {
      for (auto& e : read.errors) part.errors.push_back(std::move(e));  // a read error
      part.entry.errors += read.errors.size();
      if (read.fatal || paragraphs == 0) {
        // Nothing usable, or the file could not be read to its end: like a rejected file, its
        // manifest entry is not written, so the next run reads it again.
        if (paragraphs == 0 && part.errors.empty()) {
          part.errors.push_back(
              Status::Error(Status::Code::kInvalidArgument, "no paragraphs found", file.path));
        }
        part.outcome = PreparedFile::Outcome::kRejected;
      }
    }
    emit(std::move(part));
    if (!more) return;
  }
}

void Prepare(const FileJob& job, analysis::Analyzer* analyzer,
             const std::function<void(PreparedFile)>& emit) {
  PreparedFile out;
  const FoundFile& file = *job.file;
  indexer::Format format = indexer::FormatForPath(file.path);
  if (format == indexer::Format::kUnknown) return emit(std::move(out));
  const ManifestEntry* before = job.before ? &*job.before : nullptr;
  if (!job.reread && file.stat_ok && before->size == file.size &&
      before->mtime_ns == file.mtime_ns) {
    out.outcome = PreparedFile::Outcome::kUnchanged;  // the cheap test: not even opened
    return emit(std::move(out));
  }
  if (format == indexer::Format::kJsonLines && file.stat_ok &&
      file.size > indexer::kStreamPartBytes) {
    return PrepareStream(job, analyzer, emit);
  }
  std::string raw;
  Status s = indexer::ReadRawFile(file.path, &raw);
  if (!s.ok()) {
    out.outcome = PreparedFile::Outcome::kReadFailed;
    out.read_error = std::move(s);
    return emit(std::move(out));
  }
  out.entry.path = file.key;
  out.entry.size = file.size;
  out.entry.mtime_ns = file.mtime_ns;
  out.entry.hash = schema::HashHex(raw);
  if (!job.reread && before->hash == out.entry.hash) {
    out.outcome = PreparedFile::Outcome::kSameBytes;
    out.entry.paragraphs = before->paragraphs;
    return emit(std::move(out));
  }
  indexer::ReadResult read = indexer::ReadBytes(file.path, raw);
  out.entry.errors = read.errors.size();
  out.errors = std::move(read.errors);
  out.warnings = std::move(read.warnings);
  if (read.fatal || read.paragraphs.empty()) {
    out.outcome = PreparedFile::Outcome::kRejected;
    return emit(std::move(out));
  }
  out.outcome = PreparedFile::Outcome::kParsed;
  out.entry.paragraphs = read.paragraphs.size();
  std::uint32_t order = 0;
  BuildDocuments(read.paragraphs, file.key, &order, analyzer, &out);
  emit(std::move(out));
}

// Prepares `jobs` in order on its own thread, at most kAhead files (or parts of a streamed
// file) ahead of the consumer.
class Preparer {
 public:
  explicit Preparer(const std::vector<FileJob>* jobs) : jobs_(jobs), thread_([this] { Run(); }) {}
  ~Preparer() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  Preparer(const Preparer&) = delete;
  Preparer& operator=(const Preparer&) = delete;

  // The next file or part, in job order; rethrows what preparing it threw.
  PreparedFile Next() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [this] { return !ready_.empty(); });
    PreparedFile next = std::move(ready_.front());
    ready_.pop_front();
    cv_.notify_all();
    if (next.failure) std::rethrow_exception(next.failure);
    return next;
  }

 private:
  static constexpr std::size_t kAhead = 2;  // bounds memory to a few files' documents

  void Run() {
    std::optional<analysis::Analyzer> analyzer;  // analyzers are per thread
    struct Stopped {};
    auto emit = [this](PreparedFile file) {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return stop_ || ready_.size() < kAhead; });
      if (stop_) throw Stopped();
      ready_.push_back(std::move(file));
      cv_.notify_all();
    };
    for (const FileJob& job : *jobs_) {
      try {  // nothing may escape a thread's function
        if (!analyzer) analyzer.emplace();
        Prepare(job, &*analyzer, emit);
      } catch (const Stopped&) {
        return;
      } catch (...) {
        PreparedFile failed;
        failed.failure = std::current_exception();
        try {
          emit(std::move(failed));
        } catch (const Stopped&) {
        }
        return;  // the consumer stops at the failure
      }
    }
  }

  const std::vector<FileJob>* jobs_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<PreparedFile> ready_;
  bool stop_ = false;
  std::thread thread_;  // last: it starts running in the constructor
};

class XapianIndexWriter : public IndexWriter {
 public:
  // `reader` is what the writer compares with: `db` itself, or for a dry run the database at
  // `path` opened read-only (no lock), while `db` is an empty one in memory that nothing reaches.
  XapianIndexWriter(Xapian::WritableDatabase db, Xapian::Database reader, std::string path)
      : db_(std::move(db)), reader_(std::move(reader)), path_(std::move(path)) {}

  Status IndexPaths(const std::vector<std::string>& paths, const IndexOptions& options,
                    IndexStats* stats,
                    const std::function<void(const IndexProgress&)>& progress) override {
    auto started = std::chrono::steady_clock::now();
    std::size_t errors_before = stats->errors.size();
    Walk walk = CollectFiles(paths, &stats->errors);
    stats->files_failed += stats->errors.size() - errors_before;
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
      Preparer preparer(&jobs);
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

 private:
  void AddUnchecked(const Paragraph& paragraph, bool* replaced) {
    std::string id_term = schema::IdTerm(paragraph.id);
    if (replaced != nullptr) *replaced = reader_.term_exists(id_term);
    db_.replace_document(id_term, indexer::BuildDocument(paragraph, order_++, &analyzer_));
    ++pending_;
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
      if (DecodeEntry(reader_.get_metadata(*it), &e)) manifest_[e.path] = std::move(e);
    }
  }

  void PutManifest(const ManifestEntry& e) {
    db_.set_metadata(ManifestKey(e.path), EncodeEntry(e));
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
    ++stats->files_seen;
    const bool write = !options.dry_run;
    switch (prepared.outcome) {
      case Outcome::kUnchanged:
        ++stats->files_unchanged;
        return;
      case Outcome::kReadFailed:
        stats->errors.push_back(std::move(prepared.read_error));
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
    for (auto& e : prepared.errors) stats->errors.push_back(std::move(e));
    for (auto& w : prepared.warnings) stats->warnings.push_back(std::move(w));
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
    stats->paragraphs_failed += prepared.entry.errors;
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
    file_paragraphs_ += prepared.entry.paragraphs;
    file_errors_ += prepared.entry.errors;
    if (prepared.more) return;  // the file's manifest entry and stale paragraphs wait for its end
    prepared.entry.paragraphs = file_paragraphs_;
    prepared.entry.errors = file_errors_;
    stats->paragraphs_deleted += RemoveStale(file.key, produced_, write);
    if (write) PutManifest(prepared.entry);
    ++stats->files_indexed;
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
        if (IsUnder(path, dir)) {
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
      db_.set_metadata(ManifestKey(path), std::string());
      manifest_.erase(path);
      dirty_ = true;
    }
  }

  Xapian::WritableDatabase db_;
  Xapian::Database reader_;  // reads go here (see the constructor)
  std::string path_;
  analysis::Analyzer analyzer_;
  std::unordered_map<std::string, ManifestEntry> manifest_;  // by file key
  std::size_t pending_ = 0;  // paragraph changes since the last commit
  bool in_transaction_ = false;
  // The ids written by the current IndexPaths() run, with the file that gave each: an id given
  // twice in a run is an error, wherever the second comes from.
  std::unordered_map<std::string, std::string> batch_ids_;
  bool dirty_ = false;  // anything written in the current transaction
  // The file being written: the ids it gave and its counts, over all its parts when streamed.
  std::unordered_set<std::string> produced_;
  std::size_t file_paragraphs_ = 0, file_errors_ = 0;
  bool continuing_ = false;  // more parts of the same file follow
  std::uint32_t order_ = 0;
};

}  // namespace

IndexWriter::~IndexWriter() = default;

Status IndexWriter::Open(const std::string& path, std::unique_ptr<IndexWriter>* writer,
                         bool dry_run) {
  try {
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
    *writer = std::make_unique<XapianIndexWriter>(std::move(db), std::move(reader), path);
    return Status::Ok();
  } catch (const Xapian::DatabaseLockError&) {
    return Status::Error(Status::Code::kLocked, "database is locked by another indexer", path);
  } catch (const Xapian::Error& e) {
    return schema::StatusFromXapian(e, path);
  } catch (const std::exception& e) {
    return Status::Error(Status::Code::kInternal, e.what(), path);
  }
}

}  // namespace portaria
