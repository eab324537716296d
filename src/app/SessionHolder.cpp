// SessionHolder is header-only for now; this unit keeps the file pair the
// layout expects and is where the keychain-backed version will live.
#include "SessionHolder.h"
