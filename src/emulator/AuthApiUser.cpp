// Account changes for issue 13, after supabase/auth's user.go (UserUpdate),
// mail.go (sendEmailChange), reauthenticate.go, resend.go and identity.go
// (DeleteIdentity). Secure email change is off: one code, to the new address.
#include "AuthApi.h"

#include "Accounts.h"
#include "Backend.h"
#include "Crypto.h"
#include "Errors.h"
#include "Factors.h"
#include "Mailbox.h"
#include "Sessions.h"

#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace exegia::emulator {

namespace {

bool validEmail(const QString &email)
{
    static const QRegularExpression re(u"^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"_s);
    return email.size() <= 255 && re.match(email).hasMatch();
}

QString hashFor(const QString &email, const QString &code)
{
    return QString::fromLatin1(crypto::sha256Hex(email.toUtf8() + ':' + code.toUtf8()));
}

// validateSentWithinFrequencyLimit on a per-user timestamp.
std::optional<Reply> tooSoon(const Request &request, const QVariant &sentAt, int cooldown)
{
    const qint64 wait = sentAt.isNull() ? 0 : sentAt.toLongLong() + cooldown - Backend::now();
    if (wait <= 0)
        return std::nullopt;
    return authError(
        request, 429, u"over_email_send_rate_limit"_s,
        u"For security purposes, you can only request this after %1 seconds."_s.arg(wait));
}

QString codeMail(const QString &intro, const QString &code, int lifetime)
{
    return u"Hello,\n\n%1\n\n    %2\n\nThe code works once and expires in %3 minutes. If you did "
           "not ask for it, you can ignore this email.\n\n-- Exegia (local backend)\n"_s.arg(
               intro, code, QString::number(qMax(1, lifetime / 60)));
}

// UpdateUserMetaData: keys merge, a null value removes its key.
QString mergedMetadata(QJsonObject meta, const QJsonObject &changes)
{
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it->isNull())
            meta.remove(it.key());
        else
            meta.insert(it.key(), *it);
    }
    return QString::fromUtf8(QJsonDocument(meta).toJson(QJsonDocument::Compact));
}

} // namespace

Reply AuthApi::updateUser(const Request &request)
{
    auto caller = m_sessions.authenticate(request);
    if (auto *error = std::get_if<Reply>(&caller))
        return *error;
    const Caller &who = std::get<Caller>(caller);
    auto parsed = jsonObjectBody(request);
    if (auto *error = std::get_if<Reply>(&parsed))
        return *error;
    const QJsonObject body = std::get<QJsonObject>(parsed);
    QString email, nonce;
    const QJsonValue data = body.value(u"data");
    if (!optionalString(body, u"email"_s, &email) || !optionalString(body, u"nonce"_s, &nonce) ||
        (!data.isUndefined() && !data.isNull() && !data.isObject()))
        return wrongFieldType(request);
    email = email.trimmed().toLower();
    if (!email.isEmpty() && !validEmail(email))
        return invalidEmail(request, 400);
    if (body.contains(u"app_metadata"))
        return authError(request, 403, u"not_admin"_s,
                         u"Updating app_metadata requires admin privileges"_s);

    Database &db = m_backend.db();
    Database::Transaction tx(db);
    const bool changing = !email.isEmpty() && email != (*m_accounts.user(who.userId))[u"email"_s];
    if (changing && mfa::hasVerifiedFactor(db, who.userId) &&
        mfa::sessionAssurance(db, who.sessionId) != u"aal2")
        return authError(request, 401, u"insufficient_aal"_s,
                         u"AAL2 session is required to update email or password when MFA is "
                         "enabled."_s);
    if (changing && !m_accounts.userIdByEmail(email).isEmpty())
        return authError(request, 422, u"email_exists"_s,
                         u"A user with this email address has already been registered"_s);
    // GoTrue checks a nonce only with a new password; the emulator has no
    // passwords, so a nonce given here is checked and spent.
    if (!nonce.isEmpty())
        if (auto refused = checkNonce(request, who.userId, nonce))
            return *refused;
    if (data.isObject())
        db.exec(u"UPDATE users SET user_metadata = ?, updated_at = ? WHERE id = ?"_s,
                {mergedMetadata(m_accounts.userJson(who.userId).value(u"user_metadata").toObject(),
                                data.toObject()),
                 Backend::isoNow(), who.userId});
    if (changing)
        if (auto refused = sendEmailChange(request, who.userId, email))
            return *refused;
    tx.commit();
    QJsonObject user = m_accounts.userJson(who.userId);
    if (const auto pending =
            db.row(u"SELECT * FROM email_changes WHERE user_id = ?"_s, {who.userId})) {
        user.insert(u"new_email"_s, (*pending)[u"new_email"_s].toString());
        user.insert(u"email_change_sent_at"_s,
                    Backend::isoTime((*pending)[u"sent_at"_s].toLongLong()));
    }
    return Reply::json(200, user);
}

std::optional<Reply> AuthApi::sendEmailChange(const Request &request, const QString &userId,
                                              const QString &newEmail)
{
    Database &db = m_backend.db();
    if (auto wait = tooSoon(
            request, db.value(u"SELECT sent_at FROM email_changes WHERE user_id = ?"_s, {userId}),
            m_backend.config().emailCooldown))
        return wait;
    const QString code = crypto::sixDigitCode();
    db.exec(u"INSERT OR REPLACE INTO email_changes (user_id, new_email, code_hash, sent_at) "
            "VALUES (?, ?, ?, ?)"_s,
            {userId, newEmail, hashFor(newEmail, code), Backend::now()});
    m_mailbox.deliver(newEmail, u"Confirm your new email address"_s,
                      codeMail(u"Use this code to confirm %1 as the new email address of your "
                               "Exegia account:"_s.arg(newEmail),
                               code, m_backend.config().otpExp),
                      code);
    return std::nullopt;
}

Reply AuthApi::verifyEmailChange(const Request &request, const QString &email, const QString &token)
{
    if (!validEmail(email))
        return invalidEmail(request, 422);
    if (token.isEmpty())
        return authError(request, 400, u"validation_failed"_s, u"Verify requires a token"_s);
    Database &db = m_backend.db();
    Database::Transaction tx(db);
    const auto row = db.row(u"SELECT * FROM email_changes WHERE new_email = ? AND code_hash = ?"_s,
                            {email, hashFor(email, token)});
    if (!row || (*row)[u"sent_at"_s].toLongLong() + m_backend.config().otpExp < Backend::now())
        return otpExpired(request);
    const QString userId = (*row)[u"user_id"_s].toString();
    const QString owner = m_accounts.userIdByEmail(email);
    if (!owner.isEmpty() && owner != userId)
        return authError(request, 422, u"email_exists"_s,
                         u"A user with this email address has already been registered"_s);
    db.exec(u"DELETE FROM email_changes WHERE user_id = ?"_s, {userId});
    m_accounts.changeEmail(userId, email);
    return sessionReply(tx, userId, u"otp"_s);
}

Reply AuthApi::reauthenticate(const Request &request)
{
    auto caller = m_sessions.authenticate(request);
    if (auto *error = std::get_if<Reply>(&caller))
        return *error;
    const QString userId = std::get<Caller>(caller).userId;
    const QVariantMap user = *m_accounts.user(userId);
    const QString email = user[u"email"_s].toString();
    if (email.isEmpty())
        return authError(
            request, 400, u"validation_failed"_s,
            u"Reauthentication requires the user to have an email or a phone number"_s);
    if (user[u"email_confirmed_at"_s].isNull())
        return authError(request, 422, u"email_not_confirmed"_s,
                         u"Please verify your email first."_s);
    Database &db = m_backend.db();
    Database::Transaction tx(db);
    if (auto wait = tooSoon(
            request,
            db.value(u"SELECT sent_at FROM reauthentications WHERE user_id = ?"_s, {userId}),
            m_backend.config().emailCooldown))
        return *wait;
    const QString code = crypto::sixDigitCode();
    db.exec(u"INSERT OR REPLACE INTO reauthentications (user_id, code_hash, sent_at) "
            "VALUES (?, ?, ?)"_s,
            {userId, hashFor(email, code), Backend::now()});
    m_mailbox.deliver(email, u"Confirm it is you"_s,
                      codeMail(u"Use this code to confirm a change to your Exegia account:"_s, code,
                               m_backend.config().otpExp),
                      code);
    tx.commit();
    return Reply::json(200, QJsonObject{});
}

std::optional<Reply> AuthApi::checkNonce(const Request &request, const QString &userId,
                                         const QString &nonce)
{
    // verifyReauthentication: the code mailed by /reauthenticate, once, in time.
    Database &db = m_backend.db();
    const QString email = (*m_accounts.user(userId))[u"email"_s].toString();
    const auto row = db.row(u"SELECT * FROM reauthentications WHERE user_id = ?"_s, {userId});
    const bool valid =
        row && !email.isEmpty() &&
        (*row)[u"sent_at"_s].toLongLong() + m_backend.config().otpExp >= Backend::now() &&
        crypto::constantTimeEquals(hashFor(email, nonce.trimmed()).toLatin1(),
                                   (*row)[u"code_hash"_s].toByteArray());
    if (!valid)
        return authError(request, 422, u"reauthentication_not_valid"_s,
                         u"Verification code is invalid"_s);
    // ConfirmReauthentication clears the token but keeps the send time,
    // which the cooldown reads.
    db.exec(u"UPDATE reauthentications SET code_hash = '' WHERE user_id = ?"_s, {userId});
    return std::nullopt;
}

Reply AuthApi::resend(const Request &request, const QJsonObject &body)
{
    QString type, email, phone;
    if (!optionalString(body, u"type"_s, &type) || !optionalString(body, u"email"_s, &email) ||
        !optionalString(body, u"phone"_s, &phone))
        return wrongFieldType(request);
    if (type != u"signup" && type != u"email_change" && type != u"sms" && type != u"phone_change")
        return authError(request, 400, u"validation_failed"_s,
                         u"Missing one of these types: signup, email_change, sms, phone_change"_s);
    if (!phone.isEmpty() || type == u"sms" || type == u"phone_change")
        return authError(request, 400, u"phone_provider_disabled"_s,
                         u"Phone logins are disabled"_s);
    email = email.trimmed().toLower();
    if (email.isEmpty())
        return authError(request, 400, u"validation_failed"_s,
                         type == u"signup" ? u"Type provided requires an email address"_s
                                           : u"Missing email address or phone number"_s);
    if (!validEmail(email))
        return invalidEmail(request, 400);

    Database &db = m_backend.db();
    Database::Transaction tx(db);
    const QString userId = m_accounts.userIdByEmail(email);
    // Unknown addresses, confirmed sign-ups and no pending change: a quiet 200.
    if (userId.isEmpty())
        return Reply::json(200, QJsonObject{});
    if (type == u"signup") {
        if (!(*m_accounts.user(userId))[u"email_confirmed_at"_s].isNull())
            return Reply::json(200, QJsonObject{});
        if (auto wait = emailCooldown(request, email))
            return *wait;
        mailCode(request, email, false);
    } else {
        const QString pending =
            db.value(u"SELECT new_email FROM email_changes WHERE user_id = ?"_s, {userId})
                .toString();
        if (pending.isEmpty())
            return Reply::json(200, QJsonObject{});
        if (auto wait = sendEmailChange(request, userId, pending))
            return *wait;
    }
    tx.commit();
    return Reply::json(200, QJsonObject{});
}

Reply AuthApi::unlinkIdentity(const Request &request)
{
    auto caller = m_sessions.authenticate(request);
    if (auto *error = std::get_if<Reply>(&caller))
        return *error;
    if (!m_backend.config().linkingEnabled)
        return authError(request, 404, u"manual_linking_disabled"_s,
                         u"Manual linking is disabled"_s);
    QString identityId = request.path.mid(int(qstrlen("/auth/v1/user/identities/")));
    if (identityId.endsWith(u'/'))
        identityId.chop(1);
    if (!crypto::isUuid(identityId))
        return authError(request, 404, u"validation_failed"_s, u"identity_id must be an UUID"_s);
    Database::Transaction tx(m_backend.db());
    const QString refused = m_accounts.unlinkIdentity(std::get<Caller>(caller).userId, identityId);
    if (refused == u"single_identity_not_deletable")
        return authError(request, 422, refused,
                         u"User must have at least 1 identity after unlinking"_s);
    if (refused == u"identity_not_found")
        return authError(request, 422, refused, u"Identity doesn't exist"_s);
    if (!refused.isEmpty())
        return authError(request, 422, refused,
                         u"Unable to unlink identity due to email conflict"_s);
    tx.commit();
    return Reply::json(200, QJsonObject{});
}

} // namespace exegia::emulator
