#include "detail/Logging.h"

namespace exegia::auth {

Q_LOGGING_CATEGORY(lcAuth, "exegia.auth", QtWarningMsg)

} // namespace exegia::auth
