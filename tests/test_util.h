// Helpers shared by the test suites: where the sources, the shared data and scratch space are.
#ifndef PORTARIA_TESTS_TEST_UTIL_H_
#define PORTARIA_TESTS_TEST_UTIL_H_

#include <filesystem>
#include <string>

namespace portaria::testing {

std::filesystem::path SourceDir();  // the repository root
std::filesystem::path BinDir();     // build/bin, where the programs are
// ../shared next to the checkout (judged questions, real corpora); empty path if absent.
std::filesystem::path SharedDir();
// A fresh, empty directory unique to the calling test; removed and re-created on each call.
std::filesystem::path FreshDir(const std::string& name);
std::string ReadFileToString(const std::filesystem::path& path);
void WriteStringToFile(const std::filesystem::path& path, const std::string& content);

// Runs a shell command; returns its exit status and fills *out with stdout (stderr if merged).
int RunCommand(const std::string& command, std::string* out);

}  // namespace portaria::testing

#endif  // PORTARIA_TESTS_TEST_UTIL_H_
