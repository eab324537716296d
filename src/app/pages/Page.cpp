#include "Page.h"

#include "PageStyle.h"

#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>

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

bool Page::goBackIn(AuthModel::State state, ModelAction back)
{
    if (m_model->state() != state)
        return false;
    (m_model->*back)();
    return true;
}

void Page::clearErrorOnEdit(QLineEdit *edit, AuthModel::Field field)
{
    connect(edit, &QLineEdit::textEdited, m_model, [this, field] { m_model->clearError(field); });
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
    if (event->key() == Qt::Key_Escape && escape())
        return;
    QWidget::keyPressEvent(event);
}

} // namespace exegia::signin
