// The control of ignored_status.cc: the same call with its Status looked at compiles.
#include "portaria/status.h"

portaria::Status Fails() { return portaria::Status::Error(portaria::Status::Code::kIOError, "x"); }

bool Caller() { return Fails().ok(); }
