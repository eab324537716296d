#include "BackendFailedPage.h"

#include "BackendController.h"
#include "Page.h"

#include <QEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace exegia::signin {

BackendFailedPage::BackendFailedPage(BackendController *backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_title(new QLabel)
    , m_message(new QLabel)
    , m_restartButton(new QPushButton)
    , m_detailsButton(new QPushButton)
    , m_details(new QPlainTextEdit)
{
    m_title->setObjectName(u"titleLabel"_s);
    m_title->setProperty("role", u"title"_s);
    m_title->setWordWrap(true);
    m_message->setObjectName(u"messageLabel"_s);
    m_message->setWordWrap(true);
    m_restartButton->setObjectName(u"restartButton"_s);
    m_restartButton->setProperty("role", u"primary"_s);
    m_detailsButton->setObjectName(u"detailsButton"_s);
    m_detailsButton->setProperty("role", u"link"_s);
    m_detailsButton->setCheckable(true);
    m_details->setObjectName(u"detailsEdit"_s);
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_details->setVisible(false);

    // The same centred column as the other pages.
    auto *column = new QWidget;
    column->setMaximumWidth(420);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    auto *mark = new QLabel;
    Page::showHeaderMark(mark);
    layout->addWidget(mark);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addWidget(m_restartButton);
    layout->addWidget(m_detailsButton, 0, Qt::AlignLeft);
    layout->addWidget(m_details);
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(column, 1);
    row->addStretch();
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(24, 24, 24, 24);
    outer->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);

    connect(m_restartButton, &QPushButton::clicked, m_backend, &BackendController::restart);
    connect(m_detailsButton, &QPushButton::toggled, this, &BackendFailedPage::refresh);
    connect(m_backend, &BackendController::statusChanged, this, &BackendFailedPage::refresh);
    retranslate();
}

void BackendFailedPage::focusFirstField()
{
    m_restartButton->setFocus(Qt::OtherFocusReason);
}

void BackendFailedPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void BackendFailedPage::retranslate()
{
    m_title->setText(tr("The local backend stopped"));
    m_restartButton->setText(tr("Restart the local backend"));
    m_restartButton->setAccessibleName(m_restartButton->text());
    m_details->setAccessibleName(tr("Last lines of the local backend's log"));
    refresh();
}

void BackendFailedPage::refresh()
{
    const bool restarting = m_backend->status() == BackendController::Status::Restarting;
    m_message->setText(restarting ? tr("Restarting the local backend…")
                                  : m_backend->failureReason() + u' ' +
                                        tr("Your session and your local data are kept. Restart "
                                           "the local backend, or choose a Supabase project "
                                           "in Settings."));
    m_restartButton->setEnabled(!restarting);
    const QStringList log = m_backend->failureLog();
    m_detailsButton->setVisible(!log.isEmpty());
    m_detailsButton->setText(m_detailsButton->isChecked() ? tr("Hide details")
                                                          : tr("Show details"));
    m_detailsButton->setAccessibleName(m_detailsButton->text());
    m_details->setVisible(m_detailsButton->isChecked() && !log.isEmpty());
    if (m_details->toPlainText() != log.join(u'\n'))
        m_details->setPlainText(log.join(u'\n'));
}

} // namespace exegia::signin
