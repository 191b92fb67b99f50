#include "indexer/prepare.h"

#include <fstream>
#include <utility>

#include "analysis/lemmatizer.h"
#include "indexer/document.h"
#include "indexer/reader.h"
#include "schema/shards.h"
#include "schema/terms.h"

namespace portaria::indexer {
namespace {

// The documents of the `paragraphs` that `filter` keeps, numbered from `*order` on, into `out`.
// Every paragraph takes a number, kept or not, so that a paragraph's place in its file (the
// listing order) is the same in a shard as in a single database.
void BuildDocuments(std::vector<Paragraph>& paragraphs, const std::string& file_key,
                    const ShardFilter& filter, std::uint32_t* order, analysis::Analyzer* analyzer,
                    PreparedFile* out) {
  analysis::Lemmatizer::Recorder words;
  for (auto& p : paragraphs) {
    std::uint32_t place = (*order)++;
    if (!filter.Keeps(p.id)) continue;
    p.file = file_key;
    out->id_terms.push_back(schema::IdTerm(p.id));
    out->docs.push_back(BuildDocument(p, place, analyzer));
  }
  out->words.merge(words.Take());
}

// A JSON Lines file too large to read whole, hashed and then parsed part by part: each part is
// emitted as soon as it is analysed, so memory follows the part, not the file.
void PrepareStream(const FileJob& job, const ShardFilter& filter, analysis::Analyzer* analyzer,
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
  JsonLinesStream stream(file.path);
  ReadResult read;
  std::uint32_t order = 0;
  std::size_t paragraphs = 0;
  bool more = stream.Next(&read);
  while (true) {
    PreparedFile part;
    part.entry = head.entry;
    part.outcome = PreparedFile::Outcome::kParsed;
    part.entry.errors = read.errors.size();
    paragraphs += read.paragraphs.size();
    part.errors = std::move(read.errors);
    part.warnings = std::move(read.warnings);
    BuildDocuments(read.paragraphs, file.key, filter, &order, analyzer, &part);
    part.entry.paragraphs = part.docs.size();
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

}  // namespace

bool ShardFilter::Keeps(std::string_view id) const {
  return count <= 1 || schema::ShardOf(id, count) == index;
}

void Prepare(const FileJob& job, const ShardFilter& filter, analysis::Analyzer* analyzer,
             const std::function<void(PreparedFile)>& emit) {
  PreparedFile out;
  const FoundFile& file = *job.file;
  Format format = FormatForPath(file.path);
  if (format == Format::kUnknown) return emit(std::move(out));
  const ManifestEntry* before = job.before ? &*job.before : nullptr;
  if (!job.reread && file.stat_ok && before->size == file.size &&
      before->mtime_ns == file.mtime_ns) {
    out.outcome = PreparedFile::Outcome::kUnchanged;  // the cheap test: not even opened
    return emit(std::move(out));
  }
  if (format == Format::kJsonLines && file.stat_ok && file.size > kStreamPartBytes) {
    return PrepareStream(job, filter, analyzer, emit);
  }
  std::string raw;
  Status s = ReadRawFile(file.path, &raw);
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
  ReadResult read = ReadBytes(file.path, raw);
  out.entry.errors = read.errors.size();
  out.errors = std::move(read.errors);
  out.warnings = std::move(read.warnings);
  if (read.fatal || read.paragraphs.empty()) {
    out.outcome = PreparedFile::Outcome::kRejected;
    return emit(std::move(out));
  }
  out.outcome = PreparedFile::Outcome::kParsed;
  std::uint32_t order = 0;
  BuildDocuments(read.paragraphs, file.key, filter, &order, analyzer, &out);
  out.entry.paragraphs = out.docs.size();
  emit(std::move(out));
}

void Preparer::Run() {
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
      Prepare(job, filter_, &*analyzer, emit);
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

}  // namespace portaria::indexer
