#pragma once

#include <QString>

class QPushButton;

// The sign-in method that last worked on this computer ("google", "apple",
// "email", "guest"), so the sign-in page can mark it, as well-liked
// sign-in screens do. Kept in QSettings; it names a method, never an
// account.
namespace exegia::signin::LastUsed {

QString load();
void save(const QString &method);

// Adds (or takes off) " · Last used" at the end of `button`'s text.
void mark(QPushButton *button, bool on);

} // namespace exegia::signin::LastUsed
