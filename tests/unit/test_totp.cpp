// RFC 6238 appendix B test vectors (the SHA-1 rows) for the emulator's TOTP,
// and RFC 4648 section 10 for its base32.
#include "Totp.h"

#include <gtest/gtest.h>

namespace totp = exegia::emulator::totp;

namespace {

const QByteArray kRfcSecret = "12345678901234567890";

struct Vector
{
    qint64 time;
    const char *eightDigits; // as printed in the RFC
};

const Vector kVectors[] = {
    {59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
    {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"},
};

TEST(Totp, RfcVectorsWithEightDigits)
{
    for (const Vector &v : kVectors)
        EXPECT_EQ(totp::hotp(kRfcSecret, totp::stepAt(v.time), 8), QLatin1String(v.eightDigits))
            << v.time;
}

TEST(Totp, RfcVectorsTruncatedToSixDigits)
{
    for (const Vector &v : kVectors) {
        const QString six = QLatin1String(v.eightDigits).right(6);
        EXPECT_EQ(totp::codeAt(kRfcSecret, v.time), six) << v.time;
    }
}

TEST(Totp, AcceptsOneStepOfSkewEitherWay)
{
    const qint64 t = 1111111111; // step 37037037
    const quint64 step = totp::stepAt(t);
    EXPECT_EQ(totp::matchingStep(kRfcSecret, totp::codeAt(kRfcSecret, t), t), step);
    EXPECT_EQ(totp::matchingStep(kRfcSecret, totp::codeAt(kRfcSecret, t - 30), t), step - 1);
    EXPECT_EQ(totp::matchingStep(kRfcSecret, totp::codeAt(kRfcSecret, t + 30), t), step + 1);
    EXPECT_FALSE(totp::matchingStep(kRfcSecret, totp::codeAt(kRfcSecret, t - 60), t));
    EXPECT_FALSE(totp::matchingStep(kRfcSecret, totp::codeAt(kRfcSecret, t + 60), t));
}

TEST(Totp, RefusesMalformedCodes)
{
    const qint64 t = 59;
    EXPECT_FALSE(totp::matchingStep(kRfcSecret, QStringLiteral("4287082"), t));
    EXPECT_FALSE(totp::matchingStep(kRfcSecret, QString(), t));
    EXPECT_FALSE(totp::matchingStep(kRfcSecret, QStringLiteral("28708"), t));
}

TEST(Totp, Base32FollowsRfc4648)
{
    // RFC 4648 section 10, padding stripped as in otpauth:// URIs.
    EXPECT_EQ(totp::base32("f"), QStringLiteral("MY"));
    EXPECT_EQ(totp::base32("foobar"), QStringLiteral("MZXW6YTBOI"));
    EXPECT_EQ(totp::base32(kRfcSecret), QStringLiteral("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
    EXPECT_EQ(totp::fromBase32(QStringLiteral("MZXW6YTBOI")), QByteArray("foobar"));
    EXPECT_EQ(totp::fromBase32(QStringLiteral("mzxw6ytboi")), QByteArray("foobar"));
    EXPECT_FALSE(totp::fromBase32(QStringLiteral("not base32!")));
}

TEST(Totp, NewSecretsAreTwentyRandomBytes)
{
    const QByteArray a = totp::newSecret();
    EXPECT_EQ(a.size(), 20);
    EXPECT_NE(a, totp::newSecret());
    EXPECT_EQ(totp::base32(a).size(), 32);
}

} // namespace
