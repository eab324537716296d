#include <exegia/auth/Redaction.h>

#include <QRegularExpression>

namespace exegia::auth {

namespace {

// Field names whose values are credentials or single-use secrets.
constexpr auto kSecretKeys =
    "access_token|refresh_token|id_token|provider_token|provider_refresh_token|token|code|"
    "auth_code|code_verifier|nonce|apikey|password|captcha_token|service_role_key|"
    "publishable_key|jwt_secret|secret";

struct Rule
{
    QRegularExpression pattern;
    QString replacement;
};

const QList<Rule> &rules()
{
    static const QList<Rule> all = [] {
        const QString keys = QString::fromLatin1(kSecretKeys);
        const auto ci = QRegularExpression::CaseInsensitiveOption;
        return QList<Rule>{
            // JSON "key": "value"
            {QRegularExpression(
                 QStringLiteral("(\"(?:%1)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*\"").arg(keys), ci),
             QStringLiteral("\\1<redacted>\"")},
            // query or form key=value
            {QRegularExpression(QStringLiteral("((?:^|[?&;\\s])(?:%1)=)[^&\\s#;]+").arg(keys), ci),
             QStringLiteral("\\1<redacted>")},
            // header lines: "apikey: value"
            {QRegularExpression(QStringLiteral("\\b(apikey\\s*:\\s*)\\S+"), ci),
             QStringLiteral("\\1<redacted>")},
            {QRegularExpression(QStringLiteral("\\b(Bearer\\s+)[^\\s\",]+"), ci),
             QStringLiteral("\\1<redacted>")},
            {QRegularExpression(
                 QStringLiteral("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*")),
             QStringLiteral("<redacted-jwt>")},
            {QRegularExpression(QStringLiteral("\\b(sb_(?:publishable|secret)_)[A-Za-z0-9_-]+")),
             QStringLiteral("\\1<redacted>")},
        };
    }();
    return all;
}

} // namespace

QString Redaction::redact(const QString &text)
{
    QString out = text;
    for (const Rule &rule : rules())
        out.replace(rule.pattern, rule.replacement);
    return out;
}

} // namespace exegia::auth
