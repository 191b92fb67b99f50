// The search page in a real browser: headless Chromium loads /?q=quem paga pensões from a
// portaria-server, runs the page's script, and the DOM must show the answer. Skipped when
// /usr/bin/chromium is not installed (scripts/deps.sh installs it).
#include <filesystem>
#include <string>

#include "gtest/gtest.h"
#include "portaria/index.h"
#include "tests/server_process.h"
#include "tests/test_util.h"

namespace portaria {
namespace {

using testing::FreshDir;
using testing::RunCommand;
using testing::ServerProcess;
using testing::SourceDir;

constexpr const char* kChromium = "/usr/bin/chromium";

// Chromium with nothing that talks to the network or depends on the user's profile.
std::string ChromiumCommand(const std::filesystem::path& profile, const std::string& action,
                            const std::string& url) {
  return std::string("timeout 120 ") + kChromium +
         " --headless --no-sandbox --disable-gpu --disable-background-networking"
         " --disable-component-update --disable-sync --no-first-run --user-data-dir=" +
         profile.string() + " --virtual-time-budget=5000 " + action + " '" + url + "'";
}

TEST(BrowserTest, SearchPageShowsTheAnswer) {
  if (!std::filesystem::exists(kChromium)) GTEST_SKIP() << kChromium << " not installed";
  auto scratch = FreshDir("browser");
  std::string db = (scratch / "db").string();
  {
    std::unique_ptr<IndexWriter> writer;
    ASSERT_TRUE(IndexWriter::Open(db, &writer).ok());
    IndexStats stats;
    ASSERT_TRUE(writer->IndexPaths({(SourceDir() / "corpus").string()}, {}, &stats).ok());
  }
  ServerProcess server;
  std::string error;
  ASSERT_TRUE(server.Start(db, {}, &error)) << error;
  ASSERT_TRUE(server.WaitUntilServing());
  const std::string url = server.url() + "/?q=quem%20paga%20pens%C3%B5es";

  std::string dom;
  int rc = RunCommand(ChromiumCommand(scratch / "profile-dom", "--dump-dom", url) + " 2>/dev/null",
                      &dom);
  ASSERT_EQ(rc, 0) << dom;
  // The first result of the list is the CNP's alínea d), unit first.
  auto list = dom.find("id=\"results\"");
  ASSERT_NE(list, std::string::npos) << dom;
  auto first = dom.find("<li>", list);
  ASSERT_NE(first, std::string::npos) << "no results rendered:\n" << dom;
  std::string item = dom.substr(first, dom.find("</li>", first) - first);
  EXPECT_NE(item.find("Centro Nacional de Pensões"), std::string::npos) << item;
  EXPECT_NE(item.find("alínea d)"), std::string::npos) << item;
  EXPECT_NE(item.find("<mark>"), std::string::npos) << item;  // the snippet went in as HTML
  EXPECT_NE(item.find("pagar"), std::string::npos) << item;
  // The count, in the live region (and no error there).
  auto status = dom.find("id=\"status\"");
  ASSERT_NE(status, std::string::npos);
  std::string live = dom.substr(status, dom.find("</p>", status) - status);
  EXPECT_NE(live.find("resultados para «quem paga pensões»"), std::string::npos) << live;
  EXPECT_EQ(live.find("error"), std::string::npos) << live;

  // A screenshot for people to look at (build/test-artifacts, outside git).
  auto artifacts = testing::BinDir().parent_path() / "test-artifacts";
  std::filesystem::create_directories(artifacts);
  auto png = artifacts / "search.png";
  std::filesystem::remove(png);
  std::string out;
  rc = RunCommand(ChromiumCommand(scratch / "profile-shot",
                                  "--window-size=1200,900 --screenshot=" + png.string(), url) +
                      " 2>&1",
                  &out);
  EXPECT_EQ(rc, 0) << out;
  ASSERT_TRUE(std::filesystem::exists(png)) << out;
  EXPECT_GT(std::filesystem::file_size(png), 1000u);
}

}  // namespace
}  // namespace portaria
