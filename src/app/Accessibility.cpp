#include "Accessibility.h"

#include "PageStyle.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QAction>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QTextDocumentFragment>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace exegia::signin::Accessibility {

namespace {

// A label that is an error message: role AlertMessage (ATSPI_ROLE_ALERT),
// its text as the name, as Qt's own label interface would give it.
class AlertLabelInterface : public QAccessibleWidget
{
public:
    explicit AlertLabelInterface(QLabel *label)
        : QAccessibleWidget(label, QAccessible::AlertMessage)
    {}

    QString text(QAccessible::Text t) const override
    {
        if (t != QAccessible::Name)
            return QAccessibleWidget::text(t);
        const auto *label = static_cast<const QLabel *>(widget());
        const QString name = QAccessibleWidget::text(t);
        if (!name.isEmpty())
            return name;
        return Qt::mightBeRichText(label->text())
                   ? QTextDocumentFragment::fromHtml(label->text()).toPlainText()
                   : label->text();
    }
};

QAccessibleInterface *alertFactory(const QString &className, QObject *object)
{
    if (className != "QLabel"_L1 || !object || !object->isWidgetType())
        return nullptr;
    if (object->property("role").toString() != "error"_L1)
        return nullptr;
    return new AlertLabelInterface(static_cast<QLabel *>(object));
}

// The room a window has on its screen, less what the window manager adds
// around it (title bar and borders; not known before the first show).
QRect room(const QWidget *window)
{
    const QScreen *screen = window->screen() ? window->screen() : QGuiApplication::primaryScreen();
    QRect area = screen->availableGeometry();
    const QRect frame = window->frameGeometry();
    const QRect inner = window->geometry();
    const QMargins decoration =
        window->isVisible() && frame != inner
            ? QMargins(inner.left() - frame.left(), inner.top() - frame.top(),
                       frame.right() - inner.right(), frame.bottom() - inner.bottom())
            : QMargins(4, 32, 4, 4);
    return area.marginsRemoved(decoration);
}

// Wider names than this are elided rather than widening the page.
constexpr int kElideFrom = 260;

// Re-elides a label's full text whenever its width changes.
class ElideFilter : public QObject
{
public:
    using QObject::QObject;
    static void apply(QLabel *label)
    {
        const QString full = label->property("fullText").toString();
        // Asks the layout for room for the whole text up to a point (the
        // card grows for a usual name); longer ones are cut to what it got.
        const int wanted = label->fontMetrics().horizontalAdvance(full) + 2;
        if (label->minimumWidth() != qMin(wanted, kElideFrom))
            label->setMinimumWidth(qMin(wanted, kElideFrom));
        const QString shown =
            label->fontMetrics().elidedText(full, Qt::ElideRight, qMax(0, label->width()));
        label->setText(shown);
        label->setToolTip(shown == full ? QString() : full);
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Resize || event->type() == QEvent::FontChange)
            apply(static_cast<QLabel *>(watched));
        return false;
    }
};

QString tooLong(int length, int limit)
{
    return QCoreApplication::translate("Accessibility",
                                       "This is %1 characters long; use at most %2.")
        .arg(length)
        .arg(limit);
}

} // namespace

void install()
{
    static bool installed = false;
    if (installed)
        return;
    installed = true;
    QAccessible::installFactory(alertFactory);
}

void enterPressesButtons(QWidget *root)
{
    // QPushButton presses itself on Enter when it is an auto-default
    // button; outside a dialog that is off unless set.
    const auto buttons = root->findChildren<QPushButton *>();
    for (QPushButton *button : buttons)
        button->setAutoDefault(true);
}

void setDefaultButton(QPushButton *button, std::initializer_list<QLineEdit *> fields)
{
    button->setAutoDefault(true);
    for (QLineEdit *field : fields)
        QObject::connect(field, &QLineEdit::returnPressed, button, &QPushButton::click);
}

void nameClearButton(QLineEdit *edit)
{
    const QString name = QCoreApplication::translate("Accessibility", "Clear");
    // Qt names the action it adds for clearButtonEnabled; the tool button
    // showing it takes its name from the action's text.
    if (auto *action = edit->findChild<QAction *>(u"_q_qlineeditclearaction"_s)) {
        action->setText(name);
        action->setToolTip(name);
    }
    const auto buttons = edit->findChildren<QToolButton *>();
    for (QToolButton *button : buttons)
        button->setAccessibleName(name);
}

void makeQuietScrollArea(QScrollArea *area)
{
    area->setFocusPolicy(Qt::NoFocus);
}

void showError(QLabel *label, const QString &text, QWidget *field)
{
    const bool alreadyShown = !label->isHidden() && label->text() == text;
    if (label->isVisible() && !text.isEmpty() && !alreadyShown)
        label->hide(); // showMessage shows it again: a new "showing" event
    PageStyle::showMessage(label, text, field);
    if (!text.isEmpty() && !alreadyShown) {
        // For bridges that do forward alerts (Qt 6.5+ and other platforms).
        QAccessibleEvent alert(label, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
}

bool focusFirstError(std::initializer_list<std::pair<QWidget *, QLabel *>> fields)
{
    for (const auto &[field, label] : fields) {
        if (!label->isHidden() && !label->text().isEmpty() && field->isVisible()) {
            if (!field->hasFocus())
                field->setFocus(Qt::OtherFocusReason);
            return true;
        }
    }
    return false;
}

void fitToScreen(QWidget *window, QSize minimum, QSize preferred)
{
    const QSize available = room(window).size();
    window->setMinimumSize(minimum.boundedTo(available));
    window->resize(preferred.boundedTo(available));
}

void clampToScreen(QWidget *window)
{
    const QRect area = room(window);
    QRect geometry = window->geometry();
    if (area.contains(geometry))
        return;
    geometry.setSize(geometry.size().boundedTo(area.size()).expandedTo(window->minimumSize()));
    geometry.moveLeft(qBound(area.left(), geometry.left(), area.right() - geometry.width() + 1));
    geometry.moveTop(qBound(area.top(), geometry.top(), area.bottom() - geometry.height() + 1));
    window->setGeometry(geometry);
}

void setElidedText(QLabel *label, const QString &text)
{
    if (!label->property("fullText").isValid()) {
        // The label takes the room the row has and may shrink below its
        // text; the text then fills what it got.
        QSizePolicy policy(QSizePolicy::Expanding, label->sizePolicy().verticalPolicy());
        policy.setHorizontalStretch(1); // over spacers, which have none
        label->setSizePolicy(policy);
        label->setWordWrap(false);
        label->installEventFilter(new ElideFilter(label));
    }
    label->setProperty("fullText", text);
    label->setAccessibleName(text);
    ElideFilter::apply(label);
}

void showLengthLimit(QLineEdit *edit, QLabel *errorLabel)
{
    const int limit = edit->maxLength();
    edit->setMaxLength(32767);
    auto check = [edit, errorLabel, limit](const QString &text) {
        const int length = int(text.simplified().size());
        const QString shown = errorLabel->property("lengthMessage").toString();
        if (length > limit) {
            const QString message = tooLong(length, limit);
            errorLabel->setProperty("lengthMessage", message);
            showError(errorLabel, message, edit);
        } else if (!shown.isEmpty() && errorLabel->text() == shown) {
            errorLabel->setProperty("lengthMessage", QString());
            showError(errorLabel, {}, edit);
        }
    };
    QObject::connect(edit, &QLineEdit::textChanged, errorLabel, check);
}

} // namespace exegia::signin::Accessibility
