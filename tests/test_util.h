// Helpers shared by the test suites: where the sources, the shared data and scratch space are.
#ifndef PORTARIA_TESTS_TEST_UTIL_H_
#define PORTARIA_TESTS_TEST_UTIL_H_

#include <sys/types.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace portaria::testing {

std::filesystem::path SourceDir();  // the repository root
std::filesystem::path BinDir();     // build/bin, where the programs are
// ../shared next to the checkout (judged questions, real corpora); empty path if absent.
std::filesystem::path SharedDir();
// A fresh, empty directory unique to the calling test; removed and re-created on each call.
std::filesystem::path FreshDir(const std::string& name);
std::string ReadFileToString(const std::filesystem::path& path);
void WriteStringToFile(const std::filesystem::path& path, const std::string& content);

// Indexes the repository's corpus/ into a fresh database under FreshDir(name), for a suite's
// shared fixture; its path goes to *db and, if asked, its paragraph count to *paragraphs. Fails
// (with the reason) if indexing fails or reports an error.
::testing::AssertionResult IndexSeedCorpus(const std::string& name, std::string* db,
                                           std::size_t* paragraphs = nullptr);

// Runs a shell command; returns its exit status and fills *out with stdout (stderr if merged).
int RunCommand(const std::string& command, std::string* out);

// `s` quoted for the shell, as one word.
std::string ShellQuote(const std::string& s);

// Starts `args` (args[0] a path to a program) in a child process with stdout and stderr to
// `log`, without waiting; returns its pid (the caller reaps it), or -1.
pid_t Spawn(const std::vector<std::string>& args, const std::filesystem::path& log);

}  // namespace portaria::testing

#endif  // PORTARIA_TESTS_TEST_UTIL_H_
