#include "PageStyle.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QPainter>
#include <QPalette>
#include <QSvgRenderer>

static void initExegiaResources()
{
    // Outside any namespace, as Q_INIT_RESOURCE requires.
    Q_INIT_RESOURCE(exegia_signin);
}

namespace exegia::signin {

namespace PageStyle {

void initResources()
{
    initExegiaResources();
}

QColor errorColor(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x1f, 0x1a);
}

static QColor blend(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t,
                            a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

QString styleSheet(const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window);
    const QColor text = palette.color(QPalette::WindowText);
    const QColor secondary = blend(text, window, 0.35);
    const QColor cardBorder = blend(text, window, 0.8);
    const QColor card = blend(palette.color(QPalette::Base), window, 0.4);
    const int base = QApplication::font().pointSize() > 0 ? QApplication::font().pointSize() : 10;
    // Plain buttons get room around their text (Fusion's default is tight,
    // worst with long German labels); the roles below override it.
    return QStringLiteral(R"(
QPushButton { padding: 5px 12px; min-height: 20px; }
QLabel[role="title"] { font-size: %1pt; font-weight: 600; }
QLabel[role="appname"] { font-size: %2pt; font-weight: 600; }
QLabel[role="secondary"], QLabel[role="footer"] { color: %3; }
QLabel[role="error"] { color: %4; }
QLabel[role="notice"] { color: %5; }
QLabel[role="badge"] { background: palette(highlight); color: palette(highlighted-text);
    border-radius: 8px; padding: 1px 8px; font-weight: 600; }
QFrame[role="card"] { background: %6; border: 1px solid %7; border-radius: 10px; }
QFrame[role="card"] QLabel { background: transparent; }
QFrame[role="card"] QLabel[role="badge"] { background: palette(highlight); }
QFrame[role="card"] QFrame[frameShape="4"] { border: none; border-top: 1px solid %7;
    max-height: 1px; }
QLineEdit { border: 1px solid %7; border-radius: 4px; padding: 3px 5px;
    background: palette(base); }
QLineEdit:focus { border-color: palette(highlight); }
QPushButton[role="primary"] { background: palette(highlight); color: palette(highlighted-text);
    border: 2px solid palette(highlight); border-radius: 6px; padding: 6px 14px;
    font-weight: 600; min-height: 22px; }
QPushButton[role="primary"]:focus { border: 2px solid palette(window-text); }
QPushButton[role="primary"]:disabled { background: palette(mid); border-color: palette(mid);
    color: palette(window); }
QPushButton[role="provider"] { min-height: 34px; padding: 0 12px; }
QPushButton[role="link"] { border: 1px solid transparent; background: transparent;
    color: palette(link); padding: 4px 6px; }
QPushButton[role="link"]:hover { text-decoration: underline; }
QPushButton[role="link"]:focus { border: 1px dotted palette(window-text); border-radius: 4px; }
QPushButton[role="link"]:disabled { color: %3; }
)")
        .arg(qRound(base * 1.6))
        .arg(qRound(base * 1.15))
        .arg(secondary.name(), errorColor(palette).name(), palette.color(QPalette::Link).name(),
             card.name(), cardBorder.name());
}

QIcon mark(const QString &resourcePath, const QColor &tint, int size)
{
    QSvgRenderer renderer(resourcePath);
    QIcon icon;
    // Two densities so the mark stays sharp on high-DPI screens.
    for (const int scale : {1, 2}) {
        QPixmap pixmap(size * scale, size * scale);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        renderer.render(&painter);
        if (tint.isValid()) {
            painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
            painter.fillRect(pixmap.rect(), tint);
        }
        painter.end();
        pixmap.setDevicePixelRatio(scale);
        icon.addPixmap(pixmap);
    }
    return icon;
}

namespace {

class WrappedHeight : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // Only on a resize: at Show a label never laid out yet still has its
        // default 100 px width, and the height measured there would stick.
        if (event->type() == QEvent::Resize) {
            auto *label = static_cast<QLabel *>(watched);
            const int needed = label->heightForWidth(label->width());
            // Only ever the text's own height: a stable fixed point, so the
            // resize this causes changes nothing further.
            if (needed > 0 && needed != label->minimumHeight())
                label->setMinimumHeight(needed);
        }
        return false;
    }
};

} // namespace

void fitWrappedHeight(QLabel *label)
{
    // Never taller than its text: spare height in a card belongs to the
    // card's spacing, not to a paragraph that would then float in it.
    QSizePolicy policy = label->sizePolicy();
    policy.setVerticalPolicy(QSizePolicy::Maximum);
    label->setSizePolicy(policy);
    label->installEventFilter(new WrappedHeight(label));
}

void showMessage(QLabel *label, const QString &text, QWidget *field)
{
    label->setText(text);
    // A new text at an unchanged width brings no resize event, so the
    // previous message's height would stay: measure a label already laid
    // out here; one being shown is measured at its first resize.
    if (label->wordWrap())
        label->setMinimumHeight(
            label->isVisible() && !text.isEmpty() ? label->heightForWidth(label->width()) : 0);
    label->setVisible(!text.isEmpty());
    if (field)
        field->setAccessibleDescription(text);
}

} // namespace PageStyle

} // namespace exegia::signin
