// Must NOT compile with -Werror=unused-result (CTest: StatusMustNotBeIgnored, WILL_FAIL): a
// Status is [[nodiscard]], so a call whose failure would go unseen is caught by the compiler.
#include "portaria/status.h"

portaria::Status Fails() { return portaria::Status::Error(portaria::Status::Code::kIOError, "x"); }

void Caller() { Fails(); }
