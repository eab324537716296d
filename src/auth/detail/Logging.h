#pragma once

#include <QLoggingCategory>

namespace exegia::auth {

// "exegia.auth": requests (method, path, status, time) and decisions. Only
// redacted text is logged (see Redaction); enable with
// QT_LOGGING_RULES="exegia.auth.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcAuth)

} // namespace exegia::auth
