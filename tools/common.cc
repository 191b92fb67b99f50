#include "tools/common.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace portaria::tools {

std::string DefaultDatabasePath() {
  if (const char* env = std::getenv("PORTARIA_DB"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "portaria.db";
  return (exe.parent_path().parent_path() / "portaria.db").string();
}

bool StderrIsTerminal() { return ::isatty(STDERR_FILENO) == 1; }
bool StdoutIsTerminal() { return ::isatty(STDOUT_FILENO) == 1; }

}  // namespace portaria::tools
