#include "detail/Pkce.h"

#include <QSet>
#include <gtest/gtest.h>

using exegia::auth::Pkce;

// The pair printed in RFC 7636 appendix B (checked against the RFC text:
// SHA-256 bytes [19, 211, 30, 150, ...]).
TEST(Pkce, MatchesRfc7636AppendixB)
{
    EXPECT_EQ(Pkce::challenge(QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")),
              QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
}

TEST(Pkce, GeneratedVerifiersAreValidAndDistinct)
{
    QSet<QString> seen;
    for (int i = 0; i < 200; ++i) {
        const QString v = Pkce::generateVerifier();
        EXPECT_EQ(v.size(), 64);
        EXPECT_TRUE(Pkce::isValidVerifier(v)) << v.toStdString();
        seen.insert(v);
    }
    EXPECT_EQ(seen.size(), 200);
}

TEST(Pkce, LengthIsClampedToRfcRange)
{
    EXPECT_EQ(Pkce::generateVerifier(1).size(), 43);
    EXPECT_EQ(Pkce::generateVerifier(500).size(), 128);
}

TEST(Pkce, ChallengeIsUnpaddedBase64Url)
{
    const QString c = Pkce::challenge(Pkce::generateVerifier());
    EXPECT_EQ(c.size(), 43);
    EXPECT_FALSE(c.contains(u'=') || c.contains(u'+') || c.contains(u'/'));
}

TEST(Pkce, ValidatesAlphabetAndLength)
{
    EXPECT_FALSE(Pkce::isValidVerifier(QString(42, u'a')));
    EXPECT_TRUE(Pkce::isValidVerifier(QString(43, u'a')));
    EXPECT_TRUE(Pkce::isValidVerifier(QString(128, u'~')));
    EXPECT_FALSE(Pkce::isValidVerifier(QString(129, u'a')));
    EXPECT_FALSE(Pkce::isValidVerifier(QString(42, u'a') + u'+'));
    EXPECT_FALSE(Pkce::isValidVerifier(QString(42, u'a') + u' '));
}
