// exegia-admin end to end: a real process against the emulator.
#include "AuthFixture.h"
#include "Await.h"

#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QUuid>

#ifndef EXEGIA_ADMIN_PATH
#error "EXEGIA_ADMIN_PATH must name the exegia-admin binary"
#endif

using exegia::test::await;

namespace {

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

class AdminCli : public exegia::test::AuthFixture
{
protected:
    // SUPABASE_SERVICE_ROLE_KEY carries the legacy JWT: the emulator accepts
    // it only with --legacy-keys.
    void SetUp() override { start({QStringLiteral("--legacy-keys")}); }
    CliRun admin(const QStringList &args, QProcessEnvironment env)
    {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(EXEGIA_ADMIN_PATH), args);
        EXPECT_TRUE(p.waitForFinished(30000));
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                p.readAllStandardOutput(), p.readAllStandardError()};
    }
    QProcessEnvironment env(const QString &keyVar, const QString &key) const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.remove(QStringLiteral("SUPABASE_SECRET_KEY"));
        e.remove(QStringLiteral("SUPABASE_SERVICE_ROLE_KEY"));
        e.insert(QStringLiteral("SUPABASE_URL"), emulator.urlString());
        if (!keyVar.isEmpty())
            e.insert(keyVar, key);
        return e;
    }
    QProcessEnvironment serviceEnv() const
    {
        return env(QStringLiteral("SUPABASE_SERVICE_ROLE_KEY"), emulator.serviceRoleKey());
    }
    QString newUserId() { return await(client->startAnonymousSession()).user().id; }
};

} // namespace

TEST_F(AdminCli, CreateThenGet)
{
    const QString id = newUserId();
    const CliRun created = admin({"profile", "create", id, "--field", "display_name=Operator",
                                  "--field", "avatar_url:=null"},
                                 serviceEnv());
    ASSERT_EQ(created.exitCode, 0) << created.err.toStdString();
    const QJsonObject row = QJsonDocument::fromJson(created.out).object();
    EXPECT_EQ(row.value(u"id").toString(), id);
    EXPECT_EQ(row.value(u"display_name").toString(), QStringLiteral("Operator"));

    const CliRun got = admin({"profile", "get", id},
                             env(QStringLiteral("SUPABASE_SECRET_KEY"), emulator.secretKey()));
    ASSERT_EQ(got.exitCode, 0) << got.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(got.out).object().value(u"display_name").toString(),
              QStringLiteral("Operator"));
    EXPECT_TRUE(got.err.isEmpty());
}

TEST_F(AdminCli, DistinctExitCodesForEachFailure)
{
    const QString id = newUserId();
    const CliRun missing = admin({"profile", "get", id}, serviceEnv());
    EXPECT_EQ(missing.exitCode, 4) << missing.err.toStdString();
    EXPECT_TRUE(missing.out.isEmpty());
    EXPECT_FALSE(missing.err.isEmpty());

    ASSERT_EQ(admin({"profile", "create", id, "--field", "display_name=A"}, serviceEnv()).exitCode,
              0);
    const CliRun duplicate =
        admin({"profile", "create", id, "--field", "display_name=B"}, serviceEnv());
    EXPECT_EQ(duplicate.exitCode, 5) << duplicate.err.toStdString();

    const CliRun noUser =
        admin({"profile", "create", QUuid::createUuid().toString(QUuid::WithoutBraces), "--field",
               "display_name=C"},
              serviceEnv());
    EXPECT_EQ(noUser.exitCode, 6) << noUser.err.toStdString();

    EXPECT_EQ(admin({"profile", "get", "not-a-uuid"}, serviceEnv()).exitCode, 2);
    EXPECT_EQ(admin({"profile", "delete", id}, serviceEnv()).exitCode, 2);
    EXPECT_EQ(admin({"profile", "create", id, "--field", "novalue"}, serviceEnv()).exitCode, 2);

    EXPECT_EQ(admin({"profile", "get", id}, env({}, {})).exitCode, 3);
    const CliRun anon = admin({"profile", "get", id}, env(QStringLiteral("SUPABASE_SECRET_KEY"),
                                                          emulator.publishableKey()));
    EXPECT_EQ(anon.exitCode, 3);
    EXPECT_TRUE(anon.err.contains("service")) << anon.err.toStdString();
    // The refusal never prints the key.
    EXPECT_FALSE(anon.err.contains(emulator.publishableKey().toLatin1()));

    const QProcessEnvironment e = serviceEnv();
    emulator.kill();
    EXPECT_EQ(admin({"profile", "get", id}, e).exitCode, 7);
}

TEST_F(AdminCli, HelpAndVersion)
{
    const CliRun help = admin({"--help"}, serviceEnv());
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains("profile get"));
    const CliRun version = admin({"--version"}, serviceEnv());
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_TRUE(version.out.contains("exegia-admin"));
}
