// The .ts files as lupdate and lrelease expect them: a merge that leaves two
// <source> elements in one <message> (as happened once) compiles without a
// word, and the second sentence silently stays English. German and French
// must also be complete: nothing unfinished, vanished or obsolete.
#include <QDir>
#include <QFile>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

namespace {

struct Message
{
    int sources = 0;
    int translations = 0;
    QString source;
    QString type;
    QString text; // the translation, or its plural forms joined
};

QList<Message> readMessages(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> out;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"message") {
            out.append(Message());
        } else if (!out.isEmpty() && xml.name() == u"source") {
            ++out.last().sources;
            out.last().source = xml.readElementText();
        } else if (!out.isEmpty() && xml.name() == u"translation") {
            ++out.last().translations;
            out.last().type = xml.attributes().value(QLatin1String("type")).toString();
            out.last().text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

QList<Message> messagesOf(const QString &language)
{
    QString error;
    const QList<Message> messages =
        readMessages(QDir(QStringLiteral(EXEGIA_TRANSLATIONS_DIR))
                         .filePath(QStringLiteral("exegia-signin_%1.ts").arg(language)),
                     &error);
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    return messages;
}

} // namespace

TEST(TranslationFiles, EveryMessageHasOneSourceAndOneTranslation)
{
    for (const QString &language :
         {QStringLiteral("de"), QStringLiteral("fr"), QStringLiteral("en")}) {
        const QList<Message> messages = messagesOf(language);
        EXPECT_FALSE(messages.isEmpty()) << language.toStdString();
        for (const Message &m : messages) {
            EXPECT_EQ(m.sources, 1) << language.toStdString() << ": " << m.source.toStdString();
            EXPECT_EQ(m.translations, 1)
                << language.toStdString() << ": " << m.source.toStdString();
        }
    }
}

TEST(TranslationFiles, GermanAndFrenchAreComplete)
{
    for (const QString &language : {QStringLiteral("de"), QStringLiteral("fr")}) {
        for (const Message &m : messagesOf(language)) {
            EXPECT_TRUE(m.type.isEmpty()) << language.toStdString() << ": " << m.type.toStdString()
                                          << ": " << m.source.toStdString();
            EXPECT_FALSE(m.text.trimmed().isEmpty())
                << language.toStdString() << ": " << m.source.toStdString();
        }
    }
}
