#include "LastUsed.h"

#include <QCoreApplication>
#include <QPushButton>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace exegia::signin::LastUsed {

namespace {
const QString kKey = u"signin/lastMethod"_s;
} // namespace

QString load()
{
    return QSettings().value(kKey).toString();
}

void save(const QString &method)
{
    QSettings().setValue(kKey, method);
}

void mark(QPushButton *button, bool on)
{
    // In the button's own text: a badge over a narrow (link-style) button
    // would cover its words. The pages set the base text again on
    // retranslation and on busy states; an old mark is taken off first.
    const QString suffix = u" · "_s + QCoreApplication::translate("LastUsed", "Last used");
    QString base = button->text();
    if (base.endsWith(suffix))
        base.chop(suffix.size());
    button->setText(on ? base + suffix : base);
}

} // namespace exegia::signin::LastUsed
