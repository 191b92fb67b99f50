#include "tests/test_util.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "gtest/gtest.h"
#include "portaria/index.h"

namespace portaria::testing {

std::filesystem::path SourceDir() { return PORTARIA_SOURCE_DIR; }
std::filesystem::path BinDir() { return PORTARIA_BIN_DIR; }

std::filesystem::path SharedDir() {
  if (const char* env = std::getenv("PORTARIA_SHARED_DIR")) return env;
  auto dir = SourceDir().parent_path() / "shared";
  return std::filesystem::is_directory(dir) ? dir : std::filesystem::path();
}

std::filesystem::path FreshDir(const std::string& name) {
  std::filesystem::path base;
  if (const char* env = std::getenv("PORTARIA_TEST_TMP")) {
    base = env;
  } else {
    base = std::filesystem::temp_directory_path() / "portaria-tests";
  }
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string unique = name;
  if (info != nullptr)
    unique = std::string(info->test_suite_name()) + "." + info->name() + "." + name;
  for (char& c : unique) {
    if (c == '/') c = '_';
  }
  auto dir = base / (unique + "." + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::string ReadFileToString(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteStringToFile(const std::filesystem::path& path, const std::string& content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

int RunCommand(const std::string& command, std::string* out) {
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return -1;
  std::string result;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) result.append(buf, n);
  int status = ::pclose(pipe);
  if (out != nullptr) *out = std::move(result);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return -1;
}

::testing::AssertionResult IndexSeedCorpus(const std::string& name, std::string* db,
                                           std::size_t* paragraphs) {
  *db = (FreshDir(name) / "db").string();
  std::unique_ptr<IndexWriter> writer;
  Status s = IndexWriter::Open(*db, &writer);
  if (!s.ok()) return ::testing::AssertionFailure() << s.ToString();
  IndexStats stats;
  s = writer->IndexPaths({(SourceDir() / "corpus").string()}, {}, &stats);
  if (!s.ok()) return ::testing::AssertionFailure() << s.ToString();
  if (!stats.errors.empty()) return ::testing::AssertionFailure() << stats.errors[0].ToString();
  if (paragraphs != nullptr) *paragraphs = writer->paragraph_count();
  return ::testing::AssertionSuccess();
}

pid_t Spawn(const std::vector<std::string>& args, const std::filesystem::path& log) {
  pid_t pid = ::fork();
  if (pid == 0) {
    FILE* f = std::fopen(log.c_str(), "w");
    if (f != nullptr) {
      ::dup2(::fileno(f), STDOUT_FILENO);
      ::dup2(::fileno(f), STDERR_FILENO);
    }
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace portaria::testing
