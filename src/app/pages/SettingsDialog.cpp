#include "SettingsDialog.h"

#include "Accessibility.h"
#include "ErrorText.h"
#include "PageStyle.h"
#include "ui_SettingsDialog.h"

#include <exegia/auth/ClientConfig.h>
#include <exegia/auth/Errors.h>

#include <QClipboard>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace {

// One read-only value with its Copy button, as a row of `form`.
void addCopyRow(QFormLayout *form, const QString &label, const QString &value,
                const QString &objectName, const QString &copyText)
{
    auto *edit = new QLineEdit(value);
    edit->setObjectName(objectName);
    edit->setReadOnly(true);
    edit->setAccessibleName(label);
    edit->setCursorPosition(0);
    auto *copy = new QPushButton(copyText);
    copy->setObjectName(objectName + QStringLiteral("Copy"));
    QObject::connect(copy, &QPushButton::clicked, edit,
                     [edit] { QGuiApplication::clipboard()->setText(edit->text()); });
    auto *row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(copy);
    auto *caption = new QLabel(label);
    caption->setBuddy(edit);
    form->addRow(caption, row);
}

} // namespace
namespace exegia::signin {

SettingsDialog::SettingsDialog(const SavedSettings &current, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_result(current)
{
    m_ui->setupUi(this);
    m_ui->localRadio->setChecked(current.useLocal);
    m_ui->projectRadio->setChecked(!current.useLocal);
    m_ui->urlEdit->setText(current.projectUrl);
    m_ui->keyEdit->setText(current.publishableKey);
    m_ui->googleEdit->setText(current.googleClientId);
    PageStyle::showMessage(m_ui->urlErrorLabel, {});
    PageStyle::showMessage(m_ui->keyErrorLabel, {});
    connect(m_ui->localRadio, &QRadioButton::toggled, this, &SettingsDialog::updateEnabled);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    // Typing again clears the old complaint about that field.
    connect(m_ui->urlEdit, &QLineEdit::textEdited, this,
            [this] { PageStyle::showMessage(m_ui->urlErrorLabel, {}, m_ui->urlEdit); });
    connect(m_ui->keyEdit, &QLineEdit::textEdited, this,
            [this] { PageStyle::showMessage(m_ui->keyErrorLabel, {}, m_ui->keyEdit); });
    updateEnabled();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::updateEnabled()
{
    m_ui->projectFields->setEnabled(m_ui->projectRadio->isChecked());
}

void SettingsDialog::accept()
{
    SavedSettings next;
    next.useLocal = m_ui->localRadio->isChecked();
    next.projectUrl = m_ui->urlEdit->text().trimmed();
    next.publishableKey = m_ui->keyEdit->text().trimmed();
    next.googleClientId = m_ui->googleEdit->text().trimmed();
    PageStyle::showMessage(m_ui->urlErrorLabel, {}, m_ui->urlEdit);
    PageStyle::showMessage(m_ui->keyErrorLabel, {}, m_ui->keyEdit);

    if (!next.useLocal) {
        // The library's own rules, so the app and the library never disagree.
        exegia::auth::ClientConfig config;
        config.projectUrl = QUrl(next.projectUrl, QUrl::StrictMode);
        config.publishableKey = next.publishableKey;
        try {
            exegia::auth::validateProjectUrl(config.projectUrl);
        } catch (const exegia::auth::ConfigError &e) {
            Accessibility::showError(m_ui->urlErrorLabel, ErrorText::forProjectUrl(e.kind()),
                                     m_ui->urlEdit);
            m_ui->urlEdit->setFocus(Qt::OtherFocusReason);
            return;
        }
        try {
            config.validate();
        } catch (const exegia::auth::ConfigError &e) {
            Accessibility::showError(m_ui->keyErrorLabel, ErrorText::forPublishableKey(e.kind()),
                                     m_ui->keyEdit);
            m_ui->keyEdit->setFocus(Qt::OtherFocusReason);
            m_ui->keyEdit->selectAll();
            return;
        }
    }
    m_result = next;
    QDialog::accept();
}

void SettingsDialog::showLocalBackend(const QUrl &url, const QString &publishableKey)
{
    auto *details = new QWidget(this);
    details->setObjectName(QStringLiteral("localDetails"));
    auto *form = new QFormLayout(details);
    form->setContentsMargins(24, 0, 0, 0);
    addCopyRow(form, tr("Address"), url.toString(), QStringLiteral("localUrlEdit"),
               tr("Copy address"));
    addCopyRow(form, tr("Publishable key"), publishableKey, QStringLiteral("localKeyEdit"),
               tr("Copy key"));
    // Under "Use the local backend", which it describes.
    auto *layout = static_cast<QBoxLayout *>(this->layout());
    layout->insertWidget(layout->indexOf(m_ui->localRadio) + 1, details);
}
} // namespace exegia::signin
