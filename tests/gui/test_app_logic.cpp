// The app's pure pieces: error sentences, configuration precedence, the
// code field's validator, translations, and the local backend process.
#include "AppConfig.h"
#include "AuthModel.h"
#include "CodeInput.h"
#include "ErrorText.h"
#include "LocalBackend.h"
#include "LocalInbox.h"
#include "RecordingServer.h"
#include "Translations.h"
#include "gui_support.h"

#include <exegia/auth/ClientConfig.h>
#include <exegia/auth/Errors.h>

#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace exegia::signin;

using namespace exegia::auth;
using namespace Qt::StringLiterals;

namespace {

const char *kServiceKey =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImxvY2FsIiwicm9sZSI6InNl"
    "cnZpY2Vfcm9sZSIsImlhdCI6MTczNTY4OTYwMCwiZXhwIjoyMDUxMjIyNDAwfQ.c2lnbmF0dXJl";

bool looksLikeASentence(const QString &text)
{
    return text.size() > 15 && !text.contains(u'{') && !text.contains(u'_') &&
           (text.endsWith(u'.') || text.endsWith(u'?'));
}

} // namespace

TEST(ErrorText, EveryAuthCodeBecomesASentence)
{
    const QStringList codes{"otp_expired",
                            "over_email_send_rate_limit",
                            "over_request_rate_limit",
                            "anonymous_provider_disabled",
                            "signup_disabled",
                            "otp_disabled",
                            "email_provider_disabled",
                            "provider_disabled",
                            "email_address_invalid",
                            "validation_failed",
                            "bad_json",
                            "captcha_failed",
                            "identity_already_exists",
                            "manual_linking_disabled",
                            "email_not_confirmed",
                            "flow_state_not_found",
                            "flow_state_expired",
                            "bad_code_verifier",
                            "invalid nonce",
                            "user_banned",
                            "user_already_exists",
                            "refresh_token_not_found",
                            "refresh_token_already_used",
                            "session_expired",
                            "session_not_found",
                            "bad_jwt",
                            "user_not_found",
                            "no_authorization",
                            "conflict",
                            "request_timeout",
                            "something_new"};
    for (const QString &code : codes) {
        const QString text = ErrorText::forAuthCode(code, 400, std::nullopt);
        EXPECT_TRUE(looksLikeASentence(text)) << code.toStdString() << ": " << text.toStdString();
    }
}

TEST(ErrorText, EveryMfaAndAccountKindBecomesItsOwnSentence)
{
    const QStringList codes{"mfa_verification_failed",       "mfa_challenge_expired",
                            "too_many_enrolled_mfa_factors", "insufficient_aal",
                            "single_identity_not_deletable", "email_exists",
                            "reauthentication_needed",       "reauthentication_not_valid",
                            "mfa_factor_not_found",          "mfa_factor_name_conflict"};
    QSet<QString> texts;
    for (const QString &code : codes) {
        const ErrorInfo info = ErrorText::describe(exegia::auth::AuthApiError(422, code, "m"));
        EXPECT_TRUE(looksLikeASentence(info.text)) << code.toStdString();
        EXPECT_EQ(info.code, code);
        texts.insert(info.text);
    }
    EXPECT_EQ(texts.size(), codes.size()) << "each kind is worded differently";
    // The email cooldown keeps its sentence, with the wait.
    const ErrorInfo limited =
        ErrorText::describe(exegia::auth::AuthApiError(429, "over_email_send_rate_limit", "m", 42));
    EXPECT_TRUE(limited.text.contains(u"42")) << limited.text.toStdString();
    EXPECT_EQ(limited.retryAfterSeconds, 42);
}

TEST(ErrorText, RateLimitNamesTheWait)
{
    const ErrorInfo info = ErrorText::describe(
        AuthApiError(429, QStringLiteral("over_email_send_rate_limit"), QStringLiteral("x"), 42));
    EXPECT_TRUE(info.text.contains(QStringLiteral("42 seconds"))) << info.text.toStdString();
    EXPECT_EQ(info.retryAfterSeconds, 42);
    EXPECT_EQ(info.httpStatus, 429);
}

TEST(ErrorText, StatusesWithoutCodesStillGetAWayForward)
{
    for (int status : {400, 401, 403, 404, 408, 409, 413, 422, 429, 500, 502, 503, 504, 418})
        EXPECT_TRUE(looksLikeASentence(ErrorText::forHttpStatus(status))) << status;
}

TEST(ErrorText, PostgrestAndNetworkAndConfigErrors)
{
    const ErrorInfo unique = ErrorText::describe(
        ApiError(409, QStringLiteral("23505"), QStringLiteral("duplicate key")));
    EXPECT_TRUE(unique.text.contains(QStringLiteral("already has a profile")));
    const ErrorInfo expired = ErrorText::describe(
        ApiError(401, QStringLiteral("PGRST303"), QStringLiteral("JWT expired")));
    EXPECT_TRUE(expired.sessionGone);
    for (auto kind :
         {NetworkError::Kind::Timeout, NetworkError::Kind::ConnectionRefused,
          NetworkError::Kind::ConnectionClosed, NetworkError::Kind::HostNotFound,
          NetworkError::Kind::Tls, NetworkError::Kind::MalformedReply, NetworkError::Kind::Other}) {
        const ErrorInfo info = ErrorText::describe(NetworkError(kind, QStringLiteral("detail")));
        EXPECT_TRUE(looksLikeASentence(info.text)) << info.text.toStdString();
        EXPECT_FALSE(info.text.contains(QStringLiteral("detail")));
    }
    const ErrorInfo config =
        ErrorText::describe(ConfigError(ConfigError::Kind::SecretKey, QStringLiteral("x")));
    EXPECT_TRUE(config.text.contains(QStringLiteral("secret key")));
    EXPECT_EQ(ErrorText::describe(std::runtime_error("boom")).code, QStringLiteral("unexpected"));
}

TEST(ErrorText, RefusedKeyIsAProjectProblemNotAnEndedSession)
{
    for (const ErrorInfo &info :
         {ErrorText::describe(AuthApiError(401, {}, QStringLiteral("Invalid API key"))),
          ErrorText::describe(ApiError(401, {}, QStringLiteral("No API key found in request")))}) {
        EXPECT_TRUE(info.text.contains(QStringLiteral("project key"))) << info.text.toStdString();
        EXPECT_FALSE(info.sessionGone);
    }
}

TEST(ErrorText, ARestoreRefusedByTheGatewayNamesTheKey)
{
    const auto refused = std::make_exception_ptr(AuthApiError(401, {}, u"Invalid API key"_s));
    EXPECT_TRUE(ErrorText::restoreFailed(refused).contains(u"project key"_s));
    const auto down = std::make_exception_ptr(NetworkError(NetworkError::Kind::Timeout, {}));
    EXPECT_EQ(ErrorText::restoreFailed(down), ErrorText::restoreUnreachable());
}

TEST(ErrorText, EveryClaimsRefusalIsWordedWithoutEndingTheSession)
{
    using Kind = ClaimsError::Kind;
    QSet<QString> codes;
    for (Kind kind :
         {Kind::Malformed, Kind::BadSignature, Kind::Expired, Kind::NotYetValid, Kind::WrongIssuer,
          Kind::WrongAudience, Kind::UnknownKey, Kind::UnsupportedAlgorithm}) {
        const ErrorInfo info = ErrorText::describe(ClaimsError(kind, u"detail"_s));
        EXPECT_FALSE(info.text.isEmpty());
        EXPECT_NE(info.text, ErrorText::unexpected().text);
        EXPECT_FALSE(info.sessionGone);
        EXPECT_TRUE(info.code.startsWith(u"claims_"_s));
        codes.insert(info.code);
    }
    EXPECT_EQ(codes.size(), 8);
    EXPECT_TRUE(ErrorText::describe(ClaimsError(Kind::NotYetValid, {})).text.contains(u"clock"_s));
}

TEST(ErrorText, ConfigRefusalsAreWordedByField)
{
    // The library's ConfigError::Kind decides; the app only words it.
    auto kindOf = [](const QString &url, const QString &key) {
        ClientConfig config;
        config.projectUrl = QUrl(url);
        config.publishableKey = key;
        try {
            config.validate();
        } catch (const ConfigError &e) {
            return std::optional(e.kind());
        }
        return std::optional<ConfigError::Kind>();
    };
    const QString ok = QStringLiteral("sb_publishable_x");
    EXPECT_TRUE(ErrorText::forPublishableKey(*kindOf(u"https://a.co"_s, u"sb_secret_abc"_s))
                    .contains(QStringLiteral("secret key")));
    EXPECT_TRUE(
        ErrorText::forPublishableKey(*kindOf(u"https://a.co"_s, QString::fromLatin1(kServiceKey)))
            .contains(QStringLiteral("service_role")));
    EXPECT_TRUE(ErrorText::forProjectUrl(*kindOf(u"http://example.com"_s, ok))
                    .contains(QStringLiteral("https://")));
    EXPECT_FALSE(kindOf(u"http://127.0.0.1:5"_s, ok));
    EXPECT_TRUE(ErrorText::forProjectUrl(ConfigError::Kind::SecretKey).isEmpty());
}

TEST(AppConfig, CommandLineBeatsEnvironmentBeatsSettings)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("SUPABASE_URL"), QStringLiteral("https://env.supabase.co"));
    env.insert(QStringLiteral("SUPABASE_ANON_KEY"), QStringLiteral("sb_publishable_env"));
    SavedSettings saved;
    saved.useLocal = false;
    saved.projectUrl = QStringLiteral("https://saved.supabase.co");
    saved.publishableKey = QStringLiteral("sb_publishable_saved");

    auto choice = AppConfig::resolve(
        {QStringLiteral("https://cli.supabase.co"), QStringLiteral("sb_publishable_cli"), false},
        env, saved);
    EXPECT_EQ(choice.source, BackendChoice::Source::CommandLine);
    EXPECT_EQ(choice.config.projectUrl.host(), QStringLiteral("cli.supabase.co"));
    EXPECT_TRUE(choice.error.isEmpty());

    choice = AppConfig::resolve({}, env, saved);
    EXPECT_EQ(choice.source, BackendChoice::Source::Environment);
    EXPECT_EQ(choice.config.publishableKey, QStringLiteral("sb_publishable_env"));
    env.insert(QStringLiteral("SUPABASE_PUBLISHABLE_KEY"), QStringLiteral("sb_publishable_pk"));
    EXPECT_EQ(AppConfig::resolve({}, env, saved).config.publishableKey,
              QStringLiteral("sb_publishable_pk"));

    choice = AppConfig::resolve({}, QProcessEnvironment(), saved);
    EXPECT_EQ(choice.source, BackendChoice::Source::Settings);
    EXPECT_EQ(AppConfig::describe(choice), QStringLiteral("saved.supabase.co"));

    choice = AppConfig::resolve({{}, {}, true}, env, saved);
    EXPECT_EQ(choice.kind, BackendChoice::Kind::Local);
    saved.useLocal = true;
    EXPECT_EQ(AppConfig::resolve({}, QProcessEnvironment(), saved).kind,
              BackendChoice::Kind::Local);
}

TEST(AppConfig, ServiceKeysAreRefusedWithTheReason)
{
    const auto secret = AppConfig::resolve(
        {QStringLiteral("https://x.supabase.co"), QStringLiteral("sb_secret_123"), false}, {}, {});
    EXPECT_TRUE(secret.error.contains(QStringLiteral("secret key"))) << secret.error.toStdString();
    const auto service = AppConfig::resolve(
        {QStringLiteral("https://x.supabase.co"), QString::fromLatin1(kServiceKey), false}, {}, {});
    EXPECT_TRUE(service.error.contains(QStringLiteral("service_role")));
    const auto half =
        AppConfig::resolve({QStringLiteral("https://x.supabase.co"), {}, false}, {}, {});
    EXPECT_FALSE(half.error.isEmpty());
}

TEST(CodeInput, AcceptsDigitsAndPastedSeparators)
{
    CodeValidator validator;
    auto check = [&](QString text) {
        int pos = int(text.size());
        const auto state = validator.validate(text, pos);
        return std::make_pair(state, text);
    };
    EXPECT_EQ(check(QStringLiteral("123456")).first, QValidator::Acceptable);
    EXPECT_EQ(check(QStringLiteral("123 456")).second, QStringLiteral("123456"));
    EXPECT_EQ(check(QStringLiteral(" 123-456 ")).second, QStringLiteral("123456"));
    EXPECT_EQ(check(QStringLiteral("12a")).first, QValidator::Invalid);
    EXPECT_EQ(check(QStringLiteral("1234567")).first, QValidator::Invalid);
    EXPECT_EQ(AuthModel::normalizeCode(QStringLiteral("12 34-56")), QStringLiteral("123456"));
}

TEST(Translations, GermanAndFrenchAreCompiledIn)
{
    const QStringList languages = Translations::available();
    EXPECT_TRUE(languages.contains(QStringLiteral("de")));
    EXPECT_TRUE(languages.contains(QStringLiteral("fr")));
    EXPECT_TRUE(languages.contains(QStringLiteral("en"))); // plural forms only
    ASSERT_TRUE(Translations::install(QLocale(QStringLiteral("de"))));
    EXPECT_EQ(ErrorText::forHttpStatus(500).left(3), QStringLiteral("Der"));
    EXPECT_TRUE(Translations::install(QLocale(QStringLiteral("en"))));
    EXPECT_TRUE(ErrorText::forHttpStatus(500).startsWith(QStringLiteral("The server")));
}

TEST(Translations, EveryAccountSecurityErrorIsTranslated)
{
    // The sentences of the two-step, identity and email-change errors, in
    // English and then in German and French: each one is translated.
    const char *const codes[] = {"mfa_verification_failed",
                                 "mfa_challenge_expired",
                                 "too_many_enrolled_mfa_factors",
                                 "insufficient_aal",
                                 "single_identity_not_deletable",
                                 "manual_linking_disabled",
                                 "email_exists",
                                 "reauthentication_needed",
                                 "reauthentication_not_valid",
                                 "mfa_factor_not_found",
                                 "mfa_factor_name_conflict",
                                 "over_email_send_rate_limit"};
    auto sentences = [&] {
        QStringList out;
        for (const char *code : codes)
            out << ErrorText::describe(AuthApiError(422, QString::fromLatin1(code), u"m"_s)).text;
        return out;
    };
    ASSERT_TRUE(Translations::install(QLocale(u"en"_s)));
    const QStringList english = sentences();
    for (const QString &language : {u"de"_s, u"fr"_s}) {
        ASSERT_TRUE(Translations::install(QLocale(language)));
        const QStringList translated = sentences();
        for (qsizetype i = 0; i < english.size(); ++i)
            EXPECT_NE(translated[i], english[i]) << language.toStdString() << ": " << codes[i];
    }
    Translations::install(QLocale(u"en"_s));
}

TEST(LocalBackend, StartsTheEmulatorAndStopsIt)
{
    LocalBackend backend;
    QSignalSpy ready(&backend, &LocalBackend::ready);
    QSignalSpy failed(&backend, &LocalBackend::failed);
    backend.start({});
    ASSERT_TRUE(guitest::waitFor([&] { return ready.count() + failed.count() > 0; }, 15000));
    ASSERT_EQ(ready.count(), 1) << (failed.isEmpty()
                                        ? ""
                                        : failed.first().first().toString().toStdString());
    EXPECT_EQ(backend.url().host(), QStringLiteral("127.0.0.1"));
    EXPECT_FALSE(backend.publishableKey().isEmpty());
    EXPECT_TRUE(backend.mailboxUrl().isValid());
    // The inbox reader's key: a secret one, never the publishable key.
    EXPECT_FALSE(backend.mailboxKey().isEmpty());
    EXPECT_NE(backend.mailboxKey(), backend.publishableKey());
    EXPECT_TRUE(backend.isRunning());
    backend.stop();
    EXPECT_FALSE(backend.isRunning());
}

TEST(LocalBackend, SaysWhyItCannotStart)
{
    LocalBackend backend;
    backend.setExecutable(QStringLiteral("/nonexistent/exegia-auth-emulator"));
    QSignalSpy failed(&backend, &LocalBackend::failed);
    backend.start({});
    ASSERT_TRUE(failed.wait(10000));
    EXPECT_FALSE(failed.first().first().toString().isEmpty());

    // An emulator that refuses its arguments exits before its start-up line.
    LocalBackend refused;
    refused.setExtraArguments({QStringLiteral("--email-cooldown"), QStringLiteral("0")});
    QSignalSpy refusedFailed(&refused, &LocalBackend::failed);
    refused.start({});
    ASSERT_TRUE(refusedFailed.wait(10000));
    EXPECT_TRUE(refusedFailed.first().first().toString().contains(QStringLiteral("stopped")));
}

TEST(LocalBackend, TheChildGetsACleanLoggingEnvironment)
{
    QProcessEnvironment ours;
    ours.insert(QStringLiteral("HOME"), QStringLiteral("/home/someone"));
    ours.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
    ours.insert(QStringLiteral("QT_DEBUG_PLUGINS"), QStringLiteral("1"));
    ours.insert(QStringLiteral("QT_LOGGING_CONF"), QStringLiteral("/tmp/all-on.ini"));
    const QProcessEnvironment child = LocalBackend::childEnvironment(ours);
    EXPECT_EQ(child.value(QStringLiteral("HOME")), QStringLiteral("/home/someone"));
    EXPECT_FALSE(child.contains(QStringLiteral("QT_DEBUG_PLUGINS")));
    EXPECT_FALSE(child.contains(QStringLiteral("QT_LOGGING_CONF")));
    const QString rules = child.value(QStringLiteral("QT_LOGGING_RULES"));
    EXPECT_FALSE(rules.contains(QStringLiteral("=true")));
    EXPECT_TRUE(rules.contains(QStringLiteral("qt.httpserver*=false")));
}

TEST(LocalInbox, SendsTheMailboxKeyAndReadsTheCodes)
{
    exegia::test::RecordingServer server;
    server.queue.append(exegia::test::CannedResponse::json(
        200, R"([{"to":"a@example.test","subject":"Your code","code":"123456",)"
             R"("sent_at":"2026-01-01T00:00:00Z"}])"));
    LocalInbox inbox;
    inbox.setMailbox(QUrl(server.url().toString() + QStringLiteral("/_emulator/mailbox")),
                     QStringLiteral("sb_secret_inbox-test-key"));
    QSignalSpy loaded(&inbox, &LocalInbox::loaded);
    inbox.refresh();
    ASSERT_TRUE(loaded.wait(5000));
    ASSERT_EQ(server.requests.size(), 1);
    const auto &request = server.requests.first();
    EXPECT_EQ(request.path, QStringLiteral("/_emulator/mailbox/messages"));
    EXPECT_EQ(request.header("apikey"), QByteArray("sb_secret_inbox-test-key"));
    EXPECT_EQ(request.header("Authorization"), QByteArray("Bearer sb_secret_inbox-test-key"));
    ASSERT_EQ(inbox.messages().size(), 1);
    EXPECT_EQ(inbox.messages().first().code, QStringLiteral("123456"));
}

namespace {
QStringList *g_logLines = nullptr;
void captureLog(QtMsgType, const QMessageLogContext &, const QString &message)
{
    if (g_logLines)
        g_logLines->append(message);
}
} // namespace

TEST(LocalBackend, TheChildsLogIsRedactedBeforeItIsPassedOn)
{
    // A stand-in child that logs a bearer token, says where it listens and ends.
    QTemporaryDir dir;
    const QString jwt =
        QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzb21lb25lIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ");
    const QString script = dir.filePath(QStringLiteral("fake-emulator"));
    QFile file(script);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\necho \"GET /auth/v1/user Authorization: Bearer " + jwt.toLatin1() +
               "\" >&2\necho '{\"url\":\"http://127.0.0.1:9\",\"publishable_key\":\"k\"}'\n");
    file.close();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    QStringList logged;
    g_logLines = &logged;
    const QtMessageHandler previous = qInstallMessageHandler(captureLog);
    LocalBackend backend;
    backend.setExecutable(script);
    QSignalSpy exited(&backend, &LocalBackend::exited);
    backend.start({});
    const bool ended = exited.wait(10000);
    qInstallMessageHandler(previous);
    g_logLines = nullptr;
    ASSERT_TRUE(ended);

    ASSERT_EQ(backend.recentLog().size(), 1);
    EXPECT_TRUE(backend.recentLog().first().contains(QStringLiteral("/auth/v1/user")));
    EXPECT_FALSE(backend.recentLog().first().contains(jwt));
    const QString all = logged.join(u'\n');
    EXPECT_TRUE(all.contains(QStringLiteral("/auth/v1/user")));
    EXPECT_FALSE(all.contains(jwt));
}
