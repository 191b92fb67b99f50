// What the command-line programs share.
#ifndef PORTARIA_TOOLS_COMMON_H_
#define PORTARIA_TOOLS_COMMON_H_

#include <string>

namespace portaria::tools {

// The database used when --db is not given: $PORTARIA_DB if set, else "portaria.db" beside the
// build's bin/ directory (build/portaria.db), which is what the quick start builds, so the
// programs find it from any working directory.
std::string DefaultDatabasePath();

// True if stderr is a terminal (progress bars, colours).
bool StderrIsTerminal();
bool StdoutIsTerminal();

}  // namespace portaria::tools

#endif  // PORTARIA_TOOLS_COMMON_H_
