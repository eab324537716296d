#pragma once
// Shared helpers for the emulator's integration tests: one emulator per test
// suite (or per test when options differ), blocking HTTP, JWT and PKCE
// helpers, and the multi-step flows (e-mail code, ID tokens, browser loops).

#include "EmulatorProcess.h"
#include "TestHttp.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <gtest/gtest.h>

#include <memory>

namespace exegia::test {

// One header pair (QList::append({a, b}) is ambiguous with const char *).
inline QPair<QByteArray, QByteArray> header(const QByteArray &name, const QByteArray &value)
{
    return {name, value};
}

// ---- encoding, hashing, JWT -------------------------------------------------
QByteArray b64url(const QByteArray &raw);        // unpadded base64url
QByteArray b64urlDecode(const QByteArray &text); // tolerant of padding
QString sha256Hex(const QByteArray &data);       // lowercase hex
QByteArray randomVerifier(int length = 64);      // [A-Za-z0-9._~-]
QByteArray pkceChallenge(const QByteArray &verifier);
QString enc(const QString &s); // percent-encode everything but unreserved chars
bool isUuid(const QString &s);
QString uniqueEmail(const QString &tag);
qint64 nowSecs();
// Waits out a clock-based expiry (1-2 s options only): bounded, no polling of the server.

// JWT parts: 0 = header, 1 = payload. Empty object when not decodable.
QJsonObject jwtPart(const QString &jwt, int index);
bool verifyHs256(const QString &jwt, const QByteArray &secret);
QString signHs256(const QJsonObject &payload, const QByteArray &secret,
                  const QJsonObject &header = {});
// RS256 signature check against a JWKS document ({"keys": [...]}) using the
// header's kid. Fills `why` on failure.
bool verifyRs256(const QString &jwt, const QJsonObject &jwks, QString *why = nullptr);
bool verifyEs256(const QString &jwt, const QJsonObject &jwks, QString *why = nullptr);

// ---- results of flows -------------------------------------------------------
struct Session
{
    HttpResponse raw;
    QJsonObject json;
    QString accessToken;
    QString refreshToken;
    QString userId;
    bool ok() const { return raw.status == 200 && !accessToken.isEmpty(); }
    QString describe() const;
};

struct IdpTokens
{
    HttpResponse raw; // the token endpoint's answer (or the failing step's)
    QString idToken;
    QString accessToken;
    QString why; // empty on success
    bool ok() const { return why.isEmpty() && !idToken.isEmpty(); }
};

struct BrowserLoop
{
    QList<HttpResponse> hops;
    QUrl final;      // the Location that reached redirect_to
    QUrlQuery query; // its query
    QString code;    // ?code= on success
    QString why;     // empty when redirect_to was reached
    bool reached() const { return why.isEmpty(); }
    QString describe() const;
};

// ---- one emulator and a client for it ---------------------------------------
class Emu
{
public:
    bool start(const QStringList &args, QString *error);

    EmulatorProcess proc;
    Http http;

    QUrl url(const QString &pathAndQuery) const;
    QString redirectTo() const { return QStringLiteral("http://127.0.0.1:45678/cb"); }

    Headers anonHeaders(bool versioned = true) const;
    Headers userHeaders(const QString &token, bool versioned = true) const;
    Headers serviceHeaders() const;

    HttpResponse get(const QString &path, const Headers &headers);
    HttpResponse send(const QByteArray &method, const QString &path, const Headers &headers,
                      const QByteArray &body = {});
    HttpResponse postJson(const QString &path, const QJsonObject &body, const Headers &headers);
    // POST with the publishable key only (no user session).
    HttpResponse anonPost(const QString &path, const QJsonObject &body, bool versioned = true)
    {
        return postJson(path, body, anonHeaders(versioned));
    }
    bool healthy();
    // Moves the emulator's clock forward (POST /_emulator/clock): expiry and
    // cooldowns pass without waiting. The emulator counts whole seconds.
    void advanceClock(int seconds);

    // Auth flows.
    Session anonSignUp(const QJsonObject &data = {});
    HttpResponse requestOtp(const QString &email, const QJsonObject &extra = {});
    QJsonArray messages(const QString &email);
    QString latestCode(const QString &email); // from the newest message
    HttpResponse verify(const QString &email, const QString &code);
    Session emailSignIn(const QString &email, QString *why = nullptr);
    Session refresh(const QString &refreshToken);
    HttpResponse getUser(const QString &accessToken);
    HttpResponse logout(const QString &accessToken, const QString &scope = {});

    // Local identity provider.
    IdpTokens idpTokens(const QString &provider, const QString &email,
                        const QString &nonceHash = {}, const QString &clientId = {});
    HttpResponse idTokenGrant(const QJsonObject &body, const Headers &headers = {});
    Session idTokenSignIn(const QString &provider, const QString &email, QString *why = nullptr);

    // Browser loops: follow 302s until the Location reaches redirectTo().
    BrowserLoop follow(const QUrl &start, const Headers &firstHeaders = {});
    BrowserLoop pkceSignIn(const QString &provider, const QString &email,
                           const QByteArray &verifier, const QString &extraQuery = {});
    HttpResponse linkAuthorize(const QString &accessToken, const QString &provider,
                               const QString &email, const QByteArray &verifier,
                               bool skipHttpRedirect = true);
    BrowserLoop linkLoop(const QString &accessToken, const QString &provider, const QString &email,
                         const QByteArray &verifier);
    HttpResponse exchange(const QString &authCode, const QByteArray &verifier);

    // PostgREST.
    HttpResponse rest(const QByteArray &method, const QString &pathAndQuery, const QString &bearer,
                      const QByteArray &body = {}, const Headers &extra = {});
    HttpResponse insertProfile(const QString &bearer, const QJsonObject &row,
                               const QByteArray &prefer = "return=representation");
    QJsonArray profileRows(const QString &bearer, const QString &userId);
};

Session toSession(const HttpResponse &r);
// The error code of a GoTrue error: header, else `code` (versioned) or `error_code`.
QString errorCode(const HttpResponse &r);
QString errorMessage(const HttpResponse &r);
QString dump(const HttpResponse &r); // for failure messages

// ---- fixtures -----------------------------------------------------------------
// One emulator for the whole suite. Derived fixtures call startSuite() from
// their own static SetUpTestSuite().
class EmulatorSuite : public ::testing::Test
{
protected:
    static void startSuite(const QStringList &args = {});
    static void TearDownTestSuite();
    void SetUp() override;
    void TearDown() override;
    static Emu &emu() { return *s_emu; }

private:
    static std::unique_ptr<Emu> s_emu;
    static QString s_error;
};

// Starts a private emulator with `args` (for options that differ per test).
#define EXEGIA_START_EMU(var, ...)                                                                 \
    ::exegia::test::Emu var;                                                                       \
    do {                                                                                           \
        QString startError_;                                                                       \
        ASSERT_TRUE(var.start(QStringList{__VA_ARGS__}, &startError_)) << qPrintable(startError_); \
    } while (false)

} // namespace exegia::test

// Pretty printing for gtest.
QT_BEGIN_NAMESPACE
inline void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}
QT_END_NAMESPACE
