#include "TotpDialog.h"

#include "Accessibility.h"
#include "AuthModel.h"
#include "CodeInput.h"
#include "PageStyle.h"

#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSvgRenderer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace exegia::signin {

namespace {

constexpr int kQrSize = 168;
// Wide enough for the sentences to read as a paragraph, not a column.
constexpr int kMinimumWidth = 380;

QLabel *wrappedLabel(const QString &role = {})
{
    auto *label = new QLabel;
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    if (!role.isEmpty())
        label->setProperty("role", role);
    return label;
}

} // namespace

TotpDialog::TotpDialog(AuthModel *model, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_model(model)
    , m_mode(mode)
    , m_intro(wrappedLabel())
    , m_codeLabel(new QLabel)
    , m_code(new CodeInput)
    , m_error(wrappedLabel(u"error"_s))
    , m_confirm(new QPushButton)
    , m_cancel(new QPushButton)
{
    setObjectName(u"totpDialog"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    m_code->setObjectName(u"codeEdit"_s);
    m_code->setPlaceholderText(u"000000"_s);
    m_error->setObjectName(u"codeErrorLabel"_s);
    m_confirm->setObjectName(u"confirmButton"_s);
    m_cancel->setObjectName(u"cancelButton"_s);
    m_codeLabel->setBuddy(m_code);

    auto *layout = new QVBoxLayout(this);
    // The dialog grows with what it shows (an error under the field), so
    // nothing is squeezed over the QR code.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    setMinimumWidth(kMinimumWidth);
    for (QLabel *label : {m_intro, m_error})
        PageStyle::fitWrappedHeight(label);
    layout->addWidget(m_intro);
    if (m_mode == Mode::Enroll)
        layout->addLayout(buildKeyArea());
    layout->addWidget(m_codeLabel);
    layout->addWidget(m_code);
    layout->addWidget(m_error);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_confirm);
    layout->addLayout(buttons);

    connect(m_confirm, &QPushButton::clicked, this, &TotpDialog::confirm);
    connect(m_cancel, &QPushButton::clicked, this, &TotpDialog::reject);
    // Enter in the code field confirms; on a focused button it presses
    // that button (autoDefault), as Space does.
    Accessibility::enterPressesButtons(this);
    m_confirm->setDefault(true);
    connect(m_code, &QLineEdit::textEdited, m_model,
            [this] { m_model->clearError(AuthModel::Field::TwoStep); });
    for (auto signal : {&AuthModel::stateChanged, &AuthModel::errorsChanged,
                        &AuthModel::userChanged, &AuthModel::enrollmentChanged})
        connect(m_model, signal, this, &TotpDialog::refresh);
    retranslate();
    m_code->setFocus(Qt::OtherFocusReason);
}

QLayout *TotpDialog::buildKeyArea()
{
    m_qr = new QLabel;
    m_qr->setObjectName(u"qrCode"_s);
    m_qr->setFixedSize(kQrSize, kQrSize);
    drawQrCode();
    m_keyCaption = wrappedLabel(u"secondary"_s);
    PageStyle::fitWrappedHeight(m_keyCaption);
    m_key = new QLabel;
    m_key->setObjectName(u"keyLabel"_s);
    m_key->setWordWrap(true);
    m_key->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_key->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copy = new QPushButton;
    m_copy->setObjectName(u"copyKeyButton"_s);
    connect(m_copy, &QPushButton::clicked, this, &TotpDialog::copyKey);

    auto *keyColumn = new QVBoxLayout;
    keyColumn->addWidget(m_keyCaption);
    keyColumn->addWidget(m_key);
    keyColumn->addWidget(m_copy, 0, Qt::AlignLeft);
    keyColumn->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addWidget(m_qr, 0, Qt::AlignTop);
    row->addLayout(keyColumn, 1);
    return row;
}

void TotpDialog::drawQrCode()
{
    if (!m_qr || !m_model->enrollment())
        return;
    QSvgRenderer svg(m_model->enrollment()->qrCodeSvg.toUtf8());
    const qreal dpr = devicePixelRatioF();
    QPixmap pixels(QSize(kQrSize, kQrSize) * dpr);
    // A light quiet zone whatever the palette: scanners need the contrast.
    pixels.fill(Qt::white);
    if (svg.isValid()) {
        QPainter painter(&pixels);
        svg.render(&painter);
    }
    pixels.setDevicePixelRatio(dpr);
    m_qr->setPixmap(pixels);
    m_qr->setProperty("qrValid", svg.isValid());
}

void TotpDialog::showEvent(QShowEvent *event)
{
    drawQrCode(); // on its screen now: the density is known
    QDialog::showEvent(event);
}

QString TotpDialog::secret() const
{
    return m_model->enrollment() ? m_model->enrollment()->secret : QString();
}

void TotpDialog::retranslate()
{
    const bool enroll = m_mode == Mode::Enroll;
    setWindowTitle(enroll ? tr("Turn on two-step verification")
                          : tr("Turn off two-step verification"));
    m_intro->setText(enroll ? tr("Scan the QR code with an authenticator app, then enter the "
                                 "6-digit code it shows.")
                            : tr("Enter the 6-digit code from your authenticator app to turn "
                                 "two-step verification off."));
    m_codeLabel->setText(tr("6-digit code"));
    m_code->setAccessibleName(m_codeLabel->text());
    m_cancel->setText(tr("Cancel"));
    if (m_qr) {
        m_qr->setAccessibleName(tr("QR code for your authenticator app"));
        m_keyCaption->setText(tr("Cannot scan it? Enter this key in the app:"));
        // Groups of four are easier to read and type; Copy gives the key whole.
        QStringList groups;
        for (qsizetype i = 0; i < secret().size(); i += 4)
            groups << secret().mid(i, 4);
        m_key->setText(groups.join(u' '));
        m_key->setAccessibleName(m_keyCaption->text() + u' ' + m_key->text());
    }
    refresh();
}

void TotpDialog::refresh()
{
    const bool enroll = m_mode == Mode::Enroll;
    // Done: the factor is on (enroll) or gone (disable). An enrollment that
    // vanished otherwise (signed out meanwhile) closes the dialog too.
    if (m_model->isTwoStepEnabled() == enroll || (enroll && !m_model->enrollment()))
        return accept();
    const bool busy = m_model->isBusy();
    m_confirm->setEnabled(!busy);
    m_code->setReadOnly(busy);
    m_confirm->setText(busy ? tr("Checking…") : enroll ? tr("Turn on") : tr("Turn off"));
    m_confirm->setAccessibleName(m_confirm->text());
    if (m_copy)
        m_copy->setText(m_copied ? tr("Copied") : tr("Copy key"));
    Accessibility::showError(m_error, m_model->twoStepError(), m_code);
    if (!m_model->twoStepError().isEmpty()) {
        // A wrong code: the field keeps the focus, ready to type again.
        m_code->setFocus(Qt::OtherFocusReason);
        m_code->selectAll();
    }
}

void TotpDialog::confirm()
{
    if (m_mode == Mode::Enroll)
        m_model->confirmTwoStep(m_code->text());
    else
        m_model->disableTwoStep(m_code->text());
}

void TotpDialog::copyKey()
{
    QGuiApplication::clipboard()->setText(secret());
    m_copied = true;
    refresh();
}

void TotpDialog::reject()
{
    // Cancel, Esc or the close button: an unconfirmed factor is removed.
    // The dialog stops following the model first: it is closing anyway.
    disconnect(m_model, nullptr, this, nullptr);
    if (m_mode == Mode::Enroll)
        m_model->cancelTwoStepSetup();
    m_model->clearError(AuthModel::Field::TwoStep);
    QDialog::reject();
}

void TotpDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace exegia::signin
