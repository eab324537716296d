#pragma once

#include <QLocale>
#include <QString>

namespace exegia::signin {

// Loads the app's translation (compiled into the binary under :/i18n) and
// Qt's own (qtbase: standard buttons, context menus) for one locale.
namespace Translations {

// Replaces the translators installed by an earlier call, so tests and the
// screenshot run can switch language. Returns false when the app has no
// translation for `locale` (English, the source language, then stays).
bool install(const QLocale &locale);

// The languages the app ships, as ISO codes ("de", "fr"); English is implied.
QStringList available();

} // namespace Translations

} // namespace exegia::signin
