#include "Page.h"

#include "Accessibility.h"
#include "PageStyle.h"

#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace exegia::signin {

Page::Page(AuthModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{}

void Page::refreshOn(std::initializer_list<ModelSignal> modelSignals)
{
    for (ModelSignal signal : modelSignals)
        connect(m_model, signal, this, &Page::refresh);
}

void Page::setFirstField(QLineEdit *field, FirstField how)
{
    m_firstField = field;
    m_firstFieldHow = how;
}

void Page::focusFirstField()
{
    if (!m_firstField)
        return;
    m_firstField->setFocus(Qt::OtherFocusReason);
    if (m_firstFieldHow == FirstField::SelectText)
        m_firstField->selectAll();
}

void Page::setWayBack(AuthModel::State state, ModelAction back)
{
    m_wayBackState = state;
    m_wayBack = back;
}

bool Page::goBack()
{
    if (!m_wayBack || m_model->state() != m_wayBackState)
        return false;
    (m_model->*m_wayBack)();
    return true;
}

void Page::clearErrorOnEdit(QLineEdit *edit, AuthModel::Field field)
{
    connect(edit, &QLineEdit::textEdited, m_model, [this, field] { m_model->clearError(field); });
}

void Page::setUpCodeEntry(const CodeEntry &entry)
{
    m_codeEntry = entry;
    connect(entry.verifyButton, &QPushButton::clicked, this, &Page::submitCode);
    Accessibility::setDefaultButton(entry.verifyButton, {entry.edit});
    clearErrorOnEdit(entry.edit, entry.field);
    setFirstField(entry.edit, FirstField::SelectText);
    connect(entry.backButton, &QPushButton::clicked, m_model, entry.back);
    setWayBack(entry.waiting, entry.back);
}

void Page::submitCode()
{
    (m_model->*m_codeEntry.verify)(m_codeEntry.edit->text());
}

void Page::showHeaderMark(QLabel *label)
{
    label->setPixmap(
        PageStyle::mark(QStringLiteral(":/icons/exegia-mark.svg"), {}, 36).pixmap(36, 36));
}

void Page::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        applyMarks();
    } else if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refresh();
    }
    QWidget::changeEvent(event);
}

void Page::keyPressEvent(QKeyEvent *event)
{
    // Keys the focused control does not use arrive here.
    if (event->key() == Qt::Key_Escape && goBack())
        return;
    QWidget::keyPressEvent(event);
}

} // namespace exegia::signin
