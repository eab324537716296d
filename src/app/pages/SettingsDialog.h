#pragma once

#include "AppConfig.h"

#include <QDialog>
#include <QUrl>

#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace exegia::signin {

// Screen 5: the local backend, or a Supabase project (URL, publishable key,
// optional Google desktop client id). Keys the library refuses (secret or
// service_role) cannot be saved; the reason is shown under the field.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(const SavedSettings &current, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Valid after accept().
    SavedSettings result() const { return m_result; }

    void accept() override;

    // In local mode: where the local backend listens and its publishable
    // key, read-only with Copy buttons (for curl or supabase-js).
    void showLocalBackend(const QUrl &url, const QString &publishableKey);

private:
    void updateEnabled();

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    SavedSettings m_result;
};

} // namespace exegia::signin
