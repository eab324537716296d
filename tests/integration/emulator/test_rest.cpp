// The PostgREST subset for public.users (docs/wire.md "PostgREST", PRODUCT.md
// "The database side": RLS and column privileges).
#include "EmulatorFixture.h"

#include <QJsonDocument>
#include <QUuid>

using namespace exegia::test;

namespace {

QByteArray body(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

class Rest : public EmulatorSuite
{
protected:
    static void SetUpTestSuite() { startSuite(); }

    Session user(const QString &tag)
    {
        QString why;
        Session s = emu().idTokenSignIn(QStringLiteral("google"), uniqueEmail(tag), &why);
        EXPECT_TRUE(s.ok()) << qPrintable(why);
        return s;
    }
    // A user with a profile row.
    Session registered(const QString &tag, const QString &name = QStringLiteral("Name"))
    {
        Session s = user(tag);
        const HttpResponse r = emu().insertProfile(
            s.accessToken, QJsonObject{{"id", s.userId}, {"display_name", name}});
        EXPECT_EQ(r.status, 201) << qPrintable(dump(r));
        return s;
    }
    QString service() { return emu().proc.serviceRoleKey(); }
    QJsonObject serviceRow(const QString &id)
    {
        const QJsonArray rows = emu().profileRows(service(), id);
        return rows.isEmpty() ? QJsonObject() : rows[0].toObject();
    }
    static void expectPgError(const HttpResponse &r, int status, const QString &code)
    {
        EXPECT_EQ(r.status, status) << qPrintable(dump(r));
        const QJsonObject o = r.json();
        EXPECT_EQ(o.value(u"code").toString(), code) << qPrintable(dump(r));
        EXPECT_TRUE(o.value(u"message").isString()) << qPrintable(dump(r));
        EXPECT_TRUE(o.contains(u"details")) << qPrintable(dump(r));
        EXPECT_TRUE(o.contains(u"hint")) << qPrintable(dump(r));
    }
};

TEST_F(Rest, InsertWithRepresentationReturnsTheRowArray)
{
    const Session s = user(QStringLiteral("ins"));
    const HttpResponse r = emu().insertProfile(
        s.accessToken,
        QJsonObject{{"id", s.userId}, {"display_name", "Ada"}, {"avatar_url", "https://a/b.png"}});
    ASSERT_EQ(r.status, 201) << qPrintable(dump(r));
    const QJsonArray rows = r.jsonArray();
    ASSERT_EQ(rows.size(), 1) << qPrintable(dump(r));
    const QJsonObject row = rows[0].toObject();
    EXPECT_EQ(row.value(u"id").toString(), s.userId);
    EXPECT_EQ(row.value(u"display_name").toString(), QStringLiteral("Ada"));
    EXPECT_EQ(row.value(u"avatar_url").toString(), QStringLiteral("https://a/b.png"));
    EXPECT_EQ(row.value(u"user_type").toString(), QStringLiteral("registered"));
    EXPECT_FALSE(row.value(u"created_at").toString().isEmpty());
    EXPECT_FALSE(row.value(u"updated_at").toString().isEmpty());
}

TEST_F(Rest, InsertWithoutRepresentationIs201WithNoBody)
{
    const Session s = user(QStringLiteral("min"));
    for (const QByteArray &prefer : {QByteArray("return=minimal"), QByteArray()}) {
        const Session t = prefer.isEmpty() ? user(QStringLiteral("min2")) : s;
        const HttpResponse r = emu().insertProfile(
            t.accessToken, QJsonObject{{"id", t.userId}, {"display_name", "M"}}, prefer);
        EXPECT_EQ(r.status, 201) << qPrintable(dump(r));
        EXPECT_TRUE(r.body.isEmpty()) << qPrintable(dump(r));
        EXPECT_EQ(serviceRow(t.userId).value(u"display_name").toString(), QStringLiteral("M"));
    }
}

TEST_F(Rest, SelectSeesOnlyTheOwnRow)
{
    const Session a = registered(QStringLiteral("sela"), QStringLiteral("A"));
    const Session b = registered(QStringLiteral("selb"), QStringLiteral("B"));
    const HttpResponse all = emu().rest("GET", QStringLiteral("/users?select=*"), a.accessToken);
    ASSERT_EQ(all.status, 200) << qPrintable(dump(all));
    const QJsonArray rows = all.jsonArray();
    ASSERT_EQ(rows.size(), 1) << qPrintable(dump(all));
    EXPECT_EQ(rows[0].toObject().value(u"id").toString(), a.userId);
    EXPECT_TRUE(emu().profileRows(a.accessToken, b.userId).isEmpty());
    // anon sees nothing: the migration revokes every privilege from anon, so
    // PostgreSQL refuses the SELECT itself (42501, 401 without a user token).
    const HttpResponse anon =
        emu().rest("GET", QStringLiteral("/users?select=*"), emu().proc.publishableKey());
    expectPgError(anon, 401, QStringLiteral("42501"));
    // service_role sees all.
    const HttpResponse svc = emu().rest("GET", QStringLiteral("/users?select=*"), service());
    ASSERT_EQ(svc.status, 200) << qPrintable(dump(svc));
    EXPECT_GE(svc.jsonArray().size(), 2);
}

TEST_F(Rest, SelectColumnsAndFilters)
{
    const Session a = registered(QStringLiteral("cols"), QStringLiteral("Cols"));
    const HttpResponse r = emu().rest(
        "GET", QStringLiteral("/users?select=id,display_name&id=eq.") + a.userId, a.accessToken);
    ASSERT_EQ(r.status, 200) << qPrintable(dump(r));
    const QJsonObject row = r.jsonArray().at(0).toObject();
    EXPECT_EQ(row.keys(), (QStringList{QStringLiteral("display_name"), QStringLiteral("id")}));
    const HttpResponse other = emu().rest("GET",
                                          QStringLiteral("/users?select=*&id=eq.") +
                                              QUuid::createUuid().toString(QUuid::WithoutBraces),
                                          a.accessToken);
    EXPECT_EQ(other.status, 200);
    EXPECT_TRUE(other.jsonArray().isEmpty());
}

TEST_F(Rest, SingleObjectAcceptHeader)
{
    const Session a = registered(QStringLiteral("single"), QStringLiteral("One"));
    const Headers single{{"Accept", "application/vnd.pgrst.object+json"}};
    const HttpResponse one = emu().rest("GET", QStringLiteral("/users?select=*&id=eq.") + a.userId,
                                        a.accessToken, {}, single);
    ASSERT_EQ(one.status, 200) << qPrintable(dump(one));
    EXPECT_TRUE(one.isJsonObject()) << qPrintable(dump(one));
    EXPECT_EQ(one.json().value(u"display_name").toString(), QStringLiteral("One"));

    const Session none = user(QStringLiteral("none"));
    const HttpResponse zero =
        emu().rest("GET", QStringLiteral("/users?select=*&id=eq.") + none.userId, none.accessToken,
                   {}, single);
    expectPgError(zero, 406, QStringLiteral("PGRST116"));
    EXPECT_EQ(zero.json().value(u"message").toString(),
              QStringLiteral("Cannot coerce the result to a single JSON object"));
    EXPECT_EQ(zero.json().value(u"details").toString(),
              QStringLiteral("The result contains 0 rows"));
    EXPECT_TRUE(zero.json().value(u"hint").isNull());

    registered(QStringLiteral("many"));
    const HttpResponse many =
        emu().rest("GET", QStringLiteral("/users?select=*"), service(), {}, single);
    expectPgError(many, 406, QStringLiteral("PGRST116"));
}

TEST_F(Rest, InsertingAnotherIdIs403Rls)
{
    const Session a = user(QStringLiteral("rls"));
    const Session b = user(QStringLiteral("rlsb"));
    const HttpResponse r =
        emu().insertProfile(a.accessToken, QJsonObject{{"id", b.userId}, {"display_name", "X"}});
    expectPgError(r, 403, QStringLiteral("42501"));
    EXPECT_TRUE(serviceRow(b.userId).isEmpty());
}

TEST_F(Rest, AnonInsertIs401)
{
    const Session a = user(QStringLiteral("anonins"));
    const HttpResponse r = emu().insertProfile(
        emu().proc.publishableKey(), QJsonObject{{"id", a.userId}, {"display_name", "X"}});
    expectPgError(r, 401, QStringLiteral("42501"));
    EXPECT_TRUE(serviceRow(a.userId).isEmpty());
}

TEST_F(Rest, UserTypeIsTheDatabasesToSet)
{
    const Session a = user(QStringLiteral("admin"));
    const HttpResponse r = emu().insertProfile(
        a.accessToken,
        QJsonObject{{"id", a.userId}, {"display_name", "X"}, {"user_type", "admin"}});
    if (r.status == 201) {
        EXPECT_EQ(r.jsonArray().at(0).toObject().value(u"user_type").toString(),
                  QStringLiteral("registered"));
    } else {
        EXPECT_EQ(r.json().value(u"code").toString(), QStringLiteral("42501"))
            << qPrintable(dump(r));
    }
    EXPECT_NE(serviceRow(a.userId).value(u"user_type").toString(), QStringLiteral("admin"));

    const Session guest = emu().anonSignUp();
    const HttpResponse g = emu().insertProfile(
        guest.accessToken, QJsonObject{{"id", guest.userId}, {"display_name", "G"}});
    ASSERT_EQ(g.status, 201) << qPrintable(dump(g));
    EXPECT_EQ(g.jsonArray().at(0).toObject().value(u"user_type").toString(),
              QStringLiteral("anonymous"));
}

TEST_F(Rest, DuplicateIs409UniqueViolation)
{
    const Session a = registered(QStringLiteral("dup"));
    const HttpResponse r = emu().insertProfile(
        a.accessToken, QJsonObject{{"id", a.userId}, {"display_name", "Again"}});
    expectPgError(r, 409, QStringLiteral("23505"));
    EXPECT_EQ(r.json().value(u"message").toString(),
              QStringLiteral("duplicate key value violates unique constraint \"users_pkey\""));
    EXPECT_EQ(r.json().value(u"details").toString(),
              QStringLiteral("Key (id)=(%1) already exists.").arg(a.userId));
    EXPECT_EQ(serviceRow(a.userId).value(u"display_name").toString(), QStringLiteral("Name"));
}

TEST_F(Rest, UpsertMergeAndIgnoreDuplicates)
{
    const Session a = registered(QStringLiteral("ups"), QStringLiteral("Before"));
    const QByteArray row = body(QJsonObject{{"id", a.userId}, {"display_name", "Merged"}});
    const HttpResponse ignore =
        emu().rest("POST", QStringLiteral("/users?on_conflict=id"), a.accessToken,
                   body(QJsonObject{{"id", a.userId}, {"display_name", "Ignored"}}),
                   {{"Prefer", "resolution=ignore-duplicates,return=representation"}});
    EXPECT_TRUE(ignore.status == 200 || ignore.status == 201) << qPrintable(dump(ignore));
    EXPECT_TRUE(ignore.jsonArray().isEmpty())
        << "an ignored duplicate returns no row: " << qPrintable(dump(ignore));
    EXPECT_EQ(serviceRow(a.userId).value(u"display_name").toString(), QStringLiteral("Before"));

    // merge-duplicates is ON CONFLICT DO UPDATE SET id = ..., display_name = ...:
    // PostgreSQL wants UPDATE on every payload column, and the migration grants
    // users no UPDATE on id, so a user's merge-upsert is refused as a whole
    // (even when there is no conflict), while the service role merges.
    const HttpResponse merge =
        emu().rest("POST", QStringLiteral("/users?on_conflict=id"), a.accessToken, row,
                   {{"Prefer", "resolution=merge-duplicates,return=representation"}});
    expectPgError(merge, 403, QStringLiteral("42501"));
    EXPECT_EQ(serviceRow(a.userId).value(u"display_name").toString(), QStringLiteral("Before"));
    const Session b = user(QStringLiteral("upsnew"));
    const HttpResponse fresh =
        emu().rest("POST", QStringLiteral("/users?on_conflict=id"), b.accessToken,
                   body(QJsonObject{{"id", b.userId}, {"display_name", "New"}}),
                   {{"Prefer", "resolution=merge-duplicates"}});
    expectPgError(fresh, 403, QStringLiteral("42501"));
    EXPECT_TRUE(serviceRow(b.userId).isEmpty());

    const HttpResponse svc =
        emu().rest("POST", QStringLiteral("/users?on_conflict=id"), service(), row,
                   {{"Prefer", "resolution=merge-duplicates,return=representation"}});
    EXPECT_TRUE(svc.status == 200 || svc.status == 201) << qPrintable(dump(svc));
    EXPECT_EQ(svc.jsonArray().at(0).toObject().value(u"display_name").toString(),
              QStringLiteral("Merged"));
    EXPECT_EQ(serviceRow(a.userId).value(u"display_name").toString(), QStringLiteral("Merged"));
    EXPECT_EQ(serviceRow(a.userId).value(u"user_type").toString(), QStringLiteral("registered"));
    // ignore-duplicates of a new row inserts it.
    const HttpResponse newRow =
        emu().rest("POST", QStringLiteral("/users?on_conflict=id"), b.accessToken,
                   body(QJsonObject{{"id", b.userId}, {"display_name", "New"}}),
                   {{"Prefer", "resolution=ignore-duplicates"}});
    EXPECT_EQ(newRow.status, 201) << qPrintable(dump(newRow));
    EXPECT_EQ(serviceRow(b.userId).value(u"display_name").toString(), QStringLiteral("New"));
}

TEST_F(Rest, PatchOwnRowOnly)
{
    const Session a = registered(QStringLiteral("pa"), QStringLiteral("A"));
    const Session b = registered(QStringLiteral("pb"), QStringLiteral("B"));
    const QString before = serviceRow(a.userId).value(u"updated_at").toString();
    const HttpResponse own = emu().rest("PATCH", QStringLiteral("/users?id=eq.") + a.userId,
                                        a.accessToken, body(QJsonObject{{"display_name", "A2"}}));
    EXPECT_EQ(own.status, 204) << qPrintable(dump(own));
    const QJsonObject row = serviceRow(a.userId);
    EXPECT_EQ(row.value(u"display_name").toString(), QStringLiteral("A2"));
    EXPECT_GE(row.value(u"updated_at").toString(), before);

    const HttpResponse rep = emu().rest(
        "PATCH", QStringLiteral("/users?id=eq.") + a.userId, a.accessToken,
        body(QJsonObject{{"avatar_url", "https://x/y"}}), {{"Prefer", "return=representation"}});
    EXPECT_EQ(rep.status, 200) << qPrintable(dump(rep));
    EXPECT_EQ(rep.jsonArray().at(0).toObject().value(u"avatar_url").toString(),
              QStringLiteral("https://x/y"));

    const HttpResponse others = emu().rest(
        "PATCH", QStringLiteral("/users?id=eq.") + b.userId, a.accessToken,
        body(QJsonObject{{"display_name", "Hacked"}}), {{"Prefer", "return=representation"}});
    EXPECT_TRUE(others.status == 200 || others.status == 204) << qPrintable(dump(others));
    EXPECT_TRUE(others.jsonArray().isEmpty()) << qPrintable(dump(others));
    EXPECT_EQ(serviceRow(b.userId).value(u"display_name").toString(), QStringLiteral("B"));

    const HttpResponse unfiltered = emu().rest("PATCH", QStringLiteral("/users"), a.accessToken,
                                               body(QJsonObject{{"display_name", "All"}}));
    EXPECT_LT(unfiltered.status, 500) << qPrintable(dump(unfiltered));
    EXPECT_EQ(serviceRow(b.userId).value(u"display_name").toString(), QStringLiteral("B"));
}

TEST_F(Rest, UsersCannotChangeUserTypeOrId)
{
    const Session a = registered(QStringLiteral("ut"));
    const HttpResponse r = emu().rest("PATCH", QStringLiteral("/users?id=eq.") + a.userId,
                                      a.accessToken, body(QJsonObject{{"user_type", "admin"}}));
    expectPgError(r, 403, QStringLiteral("42501"));
    EXPECT_EQ(serviceRow(a.userId).value(u"user_type").toString(), QStringLiteral("registered"));
    const QString newId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const HttpResponse id = emu().rest("PATCH", QStringLiteral("/users?id=eq.") + a.userId,
                                       a.accessToken, body(QJsonObject{{"id", newId}}));
    EXPECT_GE(id.status, 400) << qPrintable(dump(id));
    EXPECT_FALSE(serviceRow(a.userId).isEmpty());
}

TEST_F(Rest, UsersDeleteNothing)
{
    const Session a = registered(QStringLiteral("del"));
    const HttpResponse r =
        emu().rest("DELETE", QStringLiteral("/users?id=eq.") + a.userId, a.accessToken);
    EXPECT_LT(r.status, 500) << qPrintable(dump(r));
    EXPECT_FALSE(serviceRow(a.userId).isEmpty()) << "RLS allows no deletes";
}

TEST_F(Rest, BadJwtIs401Pgrst301)
{
    for (const QString &token : {QStringLiteral("garbage"), QStringLiteral("a.b.c"),
                                 signHs256(QJsonObject{{"role", "service_role"}},
                                           "wrong-secret-of-at-least-32-characters")}) {
        const HttpResponse r = emu().rest("GET", QStringLiteral("/users?select=*"), token);
        expectPgError(r, 401, QStringLiteral("PGRST301"));
    }
}

TEST_F(Rest, ExpiredJwtIs401Pgrst303WithWwwAuthenticate)
{
    const Session a = user(QStringLiteral("exp"));
    QJsonObject claims = jwtPart(a.accessToken, 1);
    claims.insert(QStringLiteral("iat"), nowSecs() - 7200);
    claims.insert(QStringLiteral("exp"), nowSecs() - 600);
    const HttpResponse r = emu().rest("GET", QStringLiteral("/users?select=*"),
                                      signHs256(claims, emu().proc.jwtSecret().toUtf8()));
    expectPgError(r, 401, QStringLiteral("PGRST303"));
    EXPECT_EQ(r.json().value(u"message").toString(), QStringLiteral("JWT expired"));
    const QByteArray www = r.header("WWW-Authenticate");
    EXPECT_TRUE(www.startsWith("Bearer")) << www.constData();
    EXPECT_TRUE(www.contains("error=\"invalid_token\"")) << www.constData();
}

TEST_F(Rest, ClockSkewOf30SecondsIsTolerated)
{
    const Session a = registered(QStringLiteral("skew"));
    QJsonObject claims = jwtPart(a.accessToken, 1);
    claims.insert(QStringLiteral("exp"), nowSecs() - 10);
    const HttpResponse r = emu().rest("GET", QStringLiteral("/users?select=*"),
                                      signHs256(claims, emu().proc.jwtSecret().toUtf8()));
    EXPECT_EQ(r.status, 200) << qPrintable(dump(r));
    EXPECT_EQ(r.jsonArray().size(), 1);
}

TEST_F(Rest, BadUuidFilterIs400_22P02)
{
    const Session a = user(QStringLiteral("uuid"));
    const HttpResponse r =
        emu().rest("GET", QStringLiteral("/users?select=*&id=eq.not-a-uuid"), a.accessToken);
    expectPgError(r, 400, QStringLiteral("22P02"));
    const HttpResponse p = emu().rest("PATCH", QStringLiteral("/users?id=eq.123"), a.accessToken,
                                      body(QJsonObject{{"display_name", "x"}}));
    expectPgError(p, 400, QStringLiteral("22P02"));
    const HttpResponse i =
        emu().insertProfile(a.accessToken, QJsonObject{{"id", "nope"}, {"display_name", "x"}});
    expectPgError(i, 400, QStringLiteral("22P02"));
}

TEST_F(Rest, MissingDisplayNameIsANotNullViolation)
{
    const Session a = user(QStringLiteral("nn"));
    const HttpResponse r = emu().insertProfile(a.accessToken, QJsonObject{{"id", a.userId}});
    expectPgError(r, 400, QStringLiteral("23502"));
    EXPECT_TRUE(serviceRow(a.userId).isEmpty());
}

TEST_F(Rest, ServiceRoleInsertsForAnyUserButNotForUnknownOnes)
{
    const Session a = user(QStringLiteral("svc"));
    const HttpResponse r =
        emu().insertProfile(service(), QJsonObject{{"id", a.userId}, {"display_name", "By admin"}});
    EXPECT_EQ(r.status, 201) << qPrintable(dump(r));
    EXPECT_EQ(r.jsonArray().at(0).toObject().value(u"user_type").toString(),
              QStringLiteral("registered"));
    const HttpResponse ghost = emu().insertProfile(
        service(), QJsonObject{{"id", QUuid::createUuid().toString(QUuid::WithoutBraces)},
                               {"display_name", "Ghost"}});
    expectPgError(ghost, 409, QStringLiteral("23503"));
}

} // namespace
