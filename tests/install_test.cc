// The installed library as a consumer sees it: `cmake --install` into a scratch prefix, then
// examples/embed built against that prefix alone (find_package, and pkg-config) and run.
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "gtest/gtest.h"
#include "portaria/index.h"
#include "tests/test_util.h"

namespace portaria {
namespace {

namespace fs = std::filesystem;
using testing::FreshDir;
using testing::ReadFileToString;
using testing::RunCommand;
using testing::SourceDir;

const std::string kCMake = PORTARIA_CMAKE_COMMAND;

class InstallTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kCMake) && RunCommand("command -v cmake >/dev/null", nullptr) != 0) {
      GTEST_SKIP() << "cmake not found";
    }
    scratch_ = FreshDir("install");
    prefix_ = scratch_ / "prefix";
    std::string out;
    ASSERT_EQ(RunCommand(Cmake() + " --install " + PORTARIA_BUILD_DIR + " --prefix " +
                             prefix_.string() + " 2>&1",
                         &out),
              0)
        << out;
  }

  std::string Cmake() const { return fs::exists(kCMake) ? kCMake : std::string("cmake"); }

  // A database of the bundled corpus.
  std::string IndexCorpus() {
    std::string db = (scratch_ / "db").string();
    std::unique_ptr<IndexWriter> writer;
    EXPECT_TRUE(IndexWriter::Open(db, &writer).ok());
    IndexStats stats;
    EXPECT_TRUE(writer->IndexPaths({(SourceDir() / "corpus").string()}, {}, &stats).ok());
    return db;
  }

  fs::path FindUnderPrefix(const std::string& name) {
    for (const auto& e : fs::recursive_directory_iterator(prefix_)) {
      if (e.path().filename() == name) return e.path();
    }
    return {};
  }

  fs::path scratch_, prefix_;
};

TEST_F(InstallTest, InstallsOnlyThePublicInterface) {
  std::set<std::string> headers;
  for (const auto& e : fs::recursive_directory_iterator(prefix_ / "include")) {
    if (e.is_regular_file()) headers.insert(fs::relative(e.path(), prefix_ / "include"));
  }
  EXPECT_EQ(headers, (std::set<std::string>{"portaria/index.h", "portaria/record.h",
                                            "portaria/search.h", "portaria/status.h"}));
  // Public headers include each other and standard headers, nothing internal.
  const std::regex include_line(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
  for (const auto& h : headers) {
    std::istringstream in(ReadFileToString(prefix_ / "include" / h));
    for (std::string line; std::getline(in, line);) {
      std::smatch m;
      if (!std::regex_search(line, m, include_line)) continue;
      std::string target = m[2];
      if (m[1] == "\"") {
        EXPECT_TRUE(headers.count(target)) << h << ": " << line;
      } else {
        // Standard headers have no extension (<string>); anything else is a dependency.
        EXPECT_EQ(target.find('.'), std::string::npos) << h << ": " << line;
      }
    }
  }
  EXPECT_FALSE(FindUnderPrefix("libportaria.a").empty());
  EXPECT_FALSE(FindUnderPrefix("portariaConfig.cmake").empty());
  EXPECT_FALSE(FindUnderPrefix("portariaConfigVersion.cmake").empty());
  EXPECT_FALSE(FindUnderPrefix("portariaTargets.cmake").empty());
  EXPECT_FALSE(FindUnderPrefix("portaria.pc").empty());
  // Nothing of the internal libraries leaks into the install.
  for (const char* internal : {"libportaria_schema.a", "libportaria_searcher.a", "analyzer.h"}) {
    EXPECT_TRUE(FindUnderPrefix(internal).empty()) << internal;
  }
}

TEST_F(InstallTest, EmbedExampleBuildsWithFindPackageAndAnswers) {
#ifdef PORTARIA_SANITIZED
  GTEST_SKIP() << "sanitizer build: the installed library needs the sanitizer runtime, which an "
                  "outside program linking it does not have";
#endif
  fs::path build = scratch_ / "embed-build";
  std::string out;
  ASSERT_EQ(RunCommand(Cmake() + " -S " + (SourceDir() / "examples/embed").string() + " -B " +
                           build.string() + " -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=" +
                           prefix_.string() + " 2>&1",
                       &out),
            0)
      << out;
  ASSERT_EQ(RunCommand(Cmake() + " --build " + build.string() + " 2>&1", &out), 0) << out;
  std::string embed = (build / "embed").string();
  std::string db = IndexCorpus();
  ASSERT_EQ(RunCommand(embed + " " + db + " 'quem paga pensões'", &out), 0) << out;
  EXPECT_NE(out.find("Processar e pagar pensões"), std::string::npos) << out;
  // Errors: a message and exit status 1.
  EXPECT_EQ(RunCommand(embed + " " + (scratch_ / "none").string() + " pensões 2>&1", &out), 1);
  EXPECT_NE(out.find("embed:"), std::string::npos) << out;
  EXPECT_EQ(RunCommand(embed + " " + db + " 'xyzzyqwv' 2>&1", &out), 1);
  EXPECT_NE(out.find("no results"), std::string::npos) << out;
}

TEST_F(InstallTest, EmbedExampleBuildsWithPkgConfig) {
#ifdef PORTARIA_SANITIZED
  GTEST_SKIP() << "sanitizer build: the installed library needs the sanitizer runtime, which an "
                  "outside program linking it does not have";
#endif
  if (RunCommand("command -v pkg-config >/dev/null", nullptr) != 0) {
    GTEST_SKIP() << "pkg-config not found";
  }
  fs::path pc = FindUnderPrefix("portaria.pc");
  ASSERT_FALSE(pc.empty());
  std::string binary = (scratch_ / "embed-pc").string();
  std::string out;
  ASSERT_EQ(RunCommand("c++ -std=c++20 -o " + binary + " " +
                           (SourceDir() / "examples/embed/embed.cc").string() +
                           " $(PKG_CONFIG_PATH=" + pc.parent_path().string() +
                           " pkg-config --cflags --libs portaria) 2>&1",
                       &out),
            0)
      << out;
  ASSERT_EQ(RunCommand(binary + " " + IndexCorpus() + " 'quem paga pensões'", &out), 0) << out;
  EXPECT_NE(out.find("Processar e pagar pensões"), std::string::npos) << out;
}

}  // namespace
}  // namespace portaria
