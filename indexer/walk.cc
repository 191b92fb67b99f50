#include "indexer/walk.h"

#include <sys/stat.h>

#include <algorithm>

namespace portaria::indexer {
namespace {

namespace fs = std::filesystem;

bool IsHidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name.front() == '.';
}

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

}  // namespace

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

bool IsUnder(const std::string& path, const std::string& dir) {
  return path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 &&
         (dir.back() == '/' || path[dir.size()] == '/');
}

}  // namespace portaria::indexer
