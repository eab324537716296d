#include "Database.h"

#include "Logging.h"

#include <QSqlError>
#include <QSqlRecord>
#include <QUuid>

namespace exegia::emulator {

namespace {

// Timestamps are ISO strings for what the wire shows, unix seconds for what
// the emulator computes with (expiry, cooldowns).
const char *const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB)",
    "CREATE TABLE IF NOT EXISTS users ("
    " id TEXT PRIMARY KEY, email TEXT, email_confirmed_at TEXT,"
    " is_anonymous INTEGER NOT NULL DEFAULT 0,"
    " app_metadata TEXT NOT NULL DEFAULT '{}', user_metadata TEXT NOT NULL DEFAULT '{}',"
    " last_sign_in_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
    "CREATE UNIQUE INDEX IF NOT EXISTS users_email ON users(email) WHERE email IS NOT NULL",
    "CREATE TABLE IF NOT EXISTS identities ("
    " identity_id TEXT PRIMARY KEY, provider_id TEXT NOT NULL,"
    " user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
    " provider TEXT NOT NULL, identity_data TEXT NOT NULL, email TEXT,"
    " last_sign_in_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
    " UNIQUE (provider, provider_id))",
    "CREATE INDEX IF NOT EXISTS identities_user ON identities(user_id)",
    "CREATE TABLE IF NOT EXISTS sessions ("
    " id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
    " amr TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS sessions_user ON sessions(user_id)",
    "CREATE TABLE IF NOT EXISTS refresh_tokens ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, token TEXT NOT NULL UNIQUE,"
    " session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    " parent TEXT, revoked INTEGER NOT NULL DEFAULT 0, revoked_at INTEGER,"
    " created_at INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS refresh_tokens_session ON refresh_tokens(session_id)",
    "CREATE TABLE IF NOT EXISTS one_time_codes ("
    " email TEXT PRIMARY KEY, code_hash TEXT NOT NULL, link_hash TEXT NOT NULL,"
    " expires_at INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS email_sends (email TEXT PRIMARY KEY, sent_at INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS flow_states ("
    " id TEXT PRIMARY KEY, kind TEXT NOT NULL, provider TEXT NOT NULL, user_id TEXT,"
    " code_challenge TEXT NOT NULL, challenge_method TEXT NOT NULL, redirect_to TEXT NOT NULL, "
    "idp_verifier TEXT NOT NULL,"
    " auth_code TEXT UNIQUE, created_at INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS profiles ("
    " id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,"
    " display_name TEXT NOT NULL, avatar_url TEXT, user_type TEXT NOT NULL,"
    " created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS mail ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, recipient TEXT NOT NULL, subject TEXT NOT NULL,"
    " body TEXT NOT NULL, code TEXT, sent_at TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS mail_recipient ON mail(recipient)",
    "CREATE TABLE IF NOT EXISTS idp_codes ("
    " code TEXT PRIMARY KEY, provider TEXT NOT NULL, client_id TEXT NOT NULL,"
    " redirect_uri TEXT NOT NULL, code_challenge TEXT, challenge_method TEXT, nonce TEXT,"
    " email TEXT NOT NULL, name TEXT NOT NULL, created_at INTEGER NOT NULL)",
};

} // namespace

Database::Database()
    : m_connection(QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

Database::~Database()
{
    close();
}

bool Database::open(const QString &path, QString *error)
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    m_db.setDatabaseName(path.isEmpty() ? QStringLiteral(":memory:") : path);
    if (!m_db.open()) {
        *error = m_db.lastError().text();
        return false;
    }
    try {
        if (!path.isEmpty()) {
            // WAL keeps committed data safe across a kill -9; NORMAL sync is
            // enough for that (only power loss can drop the last commit).
            // value() finishes the statement: a PRAGMA that answers a row
            // would otherwise stay active and block the schema's COMMIT.
            value(QStringLiteral("PRAGMA journal_mode=WAL"));
            value(QStringLiteral("PRAGMA synchronous=NORMAL"));
        }
        value(QStringLiteral("PRAGMA foreign_keys=ON"));
        value(QStringLiteral("PRAGMA busy_timeout=5000"));
        Transaction tx(*this);
        for (const char *statement : kSchema)
            exec(QString::fromLatin1(statement));
        tx.commit();
    } catch (const DatabaseError &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

void Database::close()
{
    if (!m_db.isValid())
        return;
    m_cache.clear();
    if (m_db.isOpen()) {
        // Folds the WAL back so the folder holds one tidy file after a clean stop.
        QSqlQuery checkpoint(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), m_db);
        checkpoint.finish();
        m_db.close();
    }
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
}

QSqlQuery &Database::prepared(const QString &sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        QSqlQuery query(m_db);
        if (!query.prepare(sql))
            throw DatabaseError(
                ("prepare failed: " + query.lastError().text() + " in " + sql).toStdString());
        it = m_cache.insert(sql, query);
    }
    return it.value();
}

QSqlQuery &Database::exec(const QString &sql, const QVariantList &binds)
{
    QSqlQuery &query = prepared(sql);
    query.finish();
    for (int i = 0; i < binds.size(); ++i)
        query.bindValue(i, binds.at(i));
    if (!query.exec())
        throw DatabaseError(
            ("query failed: " + query.lastError().text() + " in " + sql).toStdString());
    return query;
}

QVariantMap Database::toMap(const QSqlQuery &query)
{
    QVariantMap map;
    const QSqlRecord record = query.record();
    for (int i = 0; i < record.count(); ++i)
        map.insert(record.fieldName(i), query.value(i));
    return map;
}

std::optional<QVariantMap> Database::row(const QString &sql, const QVariantList &binds)
{
    QSqlQuery &query = exec(sql, binds);
    std::optional<QVariantMap> result;
    if (query.next())
        result = toMap(query);
    query.finish();
    return result;
}

QList<QVariantMap> Database::rows(const QString &sql, const QVariantList &binds)
{
    QSqlQuery &query = exec(sql, binds);
    QList<QVariantMap> result;
    while (query.next())
        result.append(toMap(query));
    query.finish();
    return result;
}

QVariant Database::value(const QString &sql, const QVariantList &binds)
{
    QSqlQuery &query = exec(sql, binds);
    QVariant result;
    if (query.next())
        result = query.value(0);
    query.finish();
    return result;
}

int Database::changes()
{
    return value(QStringLiteral("SELECT changes()")).toInt();
}

QByteArray Database::metaValue(const QString &key)
{
    return value(QStringLiteral("SELECT value FROM meta WHERE key = ?"), {key}).toByteArray();
}

void Database::setMetaValue(const QString &key, const QByteArray &value)
{
    exec(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"), {key, value});
}

Database::Transaction::Transaction(Database &db)
    : m_db(db)
{
    if (!m_db.m_db.transaction())
        throw DatabaseError("cannot begin a transaction");
}

Database::Transaction::~Transaction()
{
    if (!m_done)
        m_db.m_db.rollback();
}

void Database::Transaction::commit()
{
    if (!m_db.m_db.commit())
        throw DatabaseError("commit failed");
    m_done = true;
}

} // namespace exegia::emulator
