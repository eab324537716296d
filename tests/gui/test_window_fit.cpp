// The window at 200 % on a 1920x1080 screen. CMake runs this binary on the
// offscreen platform with one 1920x1080 screen (offscreen-1080p.json) and
// QT_SCALE_FACTOR=2, which leaves 960x540 logical pixels.
#include "gui_fixture.h"

#include <QScreen>
#include <QSettings>

using namespace guitest;
using namespace Qt::StringLiterals;

namespace {

// The footer is where the local inbox and Settings are: it must be inside
// the window, not below its bottom edge.
void expectFooterInside(QWidget *window)
{
    for (const char *name : {"settingsButton", "inboxButton"}) {
        auto *button = window->findChild<QPushButton *>(QLatin1String(name));
        ASSERT_NE(button, nullptr);
        ASSERT_TRUE(button->isVisible()) << name;
        const QRect where(button->mapTo(window, QPoint()), button->size());
        EXPECT_TRUE(window->rect().contains(where)) << name;
    }
}

} // namespace

TEST_F(GuiTest, TheWindowFitsTheScreenAt200Percent)
{
    ASSERT_EQ(QGuiApplication::primaryScreen()->devicePixelRatio(), 2.0)
        << "run with QT_SCALE_FACTOR=2";
    open();
    const QRect area = window->screen()->availableGeometry();
    EXPECT_TRUE(area.contains(window->geometry()));
    EXPECT_LE(window->minimumHeight(), area.height());
    EXPECT_LE(window->minimumWidth(), area.width());
    expectFooterInside(window.get());
    // The account page is the longest: it scrolls inside the window.
    click(button<SignInPage>("guestButton"));
    ASSERT_TRUE(waitForPage<AccountPage>());
    expectFooterInside(window.get());
}

TEST_F(GuiTest, ARestoredGeometryLargerThanTheScreenIsClamped)
{
    {
        // What a window saved on a larger (or unscaled) screen leaves behind.
        QWidget big;
        big.setGeometry(300, 200, 1120, 1440);
        QSettings().setValue(u"window/geometry"_s, big.saveGeometry());
    }
    MainWindow::Options options;
    options.backend.kind = BackendChoice::Kind::Local;
    options.useKeychain = false;
    options.rememberGeometry = true;
    options.environment.launcher = [](const QUrl &) { return true; };
    window = std::make_unique<MainWindow>(options);
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    QSettings().remove(u"window/geometry"_s);
    const QRect area = window->screen()->availableGeometry();
    EXPECT_TRUE(area.contains(window->geometry()))
        << window->geometry().width() << "x" << window->geometry().height();
}
