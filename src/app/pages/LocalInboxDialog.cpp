#include "LocalInboxDialog.h"

#include "LocalInbox.h"
#include "PageStyle.h"
#include "ui_LocalInboxDialog.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLocale>

namespace exegia::signin {

LocalInboxDialog::LocalInboxDialog(LocalInbox *inbox, QWidget *parent)
    : QDialog(parent)
    , m_inbox(inbox)
    , m_ui(std::make_unique<Ui::LocalInboxDialog>())
{
    m_ui->setupUi(this);
    m_ui->messageList->setHeaderLabels({tr("Code"), tr("To"), tr("Sent")});
    m_ui->messageList->setColumnWidth(0, 110);
    m_ui->messageList->setColumnWidth(1, 250);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &LocalInboxDialog::refresh);
    connect(m_ui->copyButton, &QPushButton::clicked, this, &LocalInboxDialog::copySelectedCode);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->messageList, &QTreeWidget::itemSelectionChanged, this, [this] {
        m_ui->copyButton->setEnabled(!m_ui->messageList->selectedItems().isEmpty());
    });
    connect(m_ui->messageList, &QTreeWidget::itemActivated, this,
            &LocalInboxDialog::copySelectedCode);
    connect(m_inbox, &LocalInbox::loaded, this, &LocalInboxDialog::showMessages);
    connect(m_inbox, &LocalInbox::failed, this, [this](const QString &reason) {
        m_ui->refreshButton->setEnabled(true);
        m_ui->statusLabel->setText(reason);
    });
    m_ui->copyButton->setEnabled(false);
    m_ui->messageList->installEventFilter(this);
}

LocalInboxDialog::~LocalInboxDialog() = default;

void LocalInboxDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    refresh();
}

bool LocalInboxDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Enter on a code copies it and stops there: the list would pass the
    // key on to the dialog, whose default button (Refresh) would then
    // replace the "copied" message.
    if (watched == m_ui->messageList && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            copySelectedCode();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void LocalInboxDialog::refresh()
{
    m_ui->refreshButton->setEnabled(false);
    m_ui->statusLabel->setText(tr("Loading…"));
    m_inbox->refresh();
}

void LocalInboxDialog::showMessages()
{
    m_ui->refreshButton->setEnabled(true);
    m_ui->messageList->clear();
    const QLocale locale;
    for (const LocalInbox::Message &message : m_inbox->messages()) {
        auto *item = new QTreeWidgetItem(
            m_ui->messageList,
            {message.code, message.to,
             locale.toString(message.sentAt.toLocalTime(), QLocale::ShortFormat)});
        item->setToolTip(1, message.subject);
        QFont mono = item->font(0);
        mono.setFamily(QStringLiteral("monospace"));
        mono.setBold(true);
        item->setFont(0, mono);
    }
    const int count = int(m_inbox->messages().size());
    m_ui->statusLabel->setText(count == 0 ? tr("No codes yet. Ask for a code on the sign-in page.")
                                          : tr("%n code(s) received.", nullptr, count));
    if (count > 0)
        m_ui->messageList->setCurrentItem(m_ui->messageList->topLevelItem(0));
}

void LocalInboxDialog::copySelectedCode()
{
    const auto items = m_ui->messageList->selectedItems();
    if (items.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(items.first()->text(0));
    m_ui->statusLabel->setText(
        tr("Code %1 copied. Paste it into the code field.").arg(items.first()->text(0)));
}

} // namespace exegia::signin
