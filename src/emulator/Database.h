#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>
#include <QVariantMap>

#include <optional>

namespace exegia::emulator {

// The emulator's SQLite database: schema, prepared-statement cache and
// small query helpers. Everything runs on the server's one thread.
class Database
{
public:
    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // `path` empty: in memory. Creates the schema; WAL mode on disk.
    bool open(const QString &path, QString *error);
    void close();

    // Runs one statement; throws DatabaseError on failure.
    QSqlQuery &exec(const QString &sql, const QVariantList &binds = {});
    std::optional<QVariantMap> row(const QString &sql, const QVariantList &binds = {});
    QList<QVariantMap> rows(const QString &sql, const QVariantList &binds = {});
    QVariant value(const QString &sql, const QVariantList &binds = {});
    int changes();

    QByteArray metaValue(const QString &key);
    void setMetaValue(const QString &key, const QByteArray &value);

    // All-or-nothing groups of statements; rolls back unless committed.
    class Transaction
    {
    public:
        explicit Transaction(Database &db);
        ~Transaction();
        void commit();

    private:
        Database &m_db;
        bool m_done = false;
    };

private:
    QSqlQuery &prepared(const QString &sql);
    static QVariantMap toMap(const QSqlQuery &query);

    QString m_connection;
    QSqlDatabase m_db;
    QHash<QString, QSqlQuery> m_cache;
};

struct DatabaseError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

} // namespace exegia::emulator
