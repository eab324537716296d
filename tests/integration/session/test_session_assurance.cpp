// SessionManager and two-step verification (issue 13): an aal2 session from
// AuthClient::verifyFactor is adopted, kept across refreshes, and every
// change of the assurance level is signalled (None again on sign-out).
#include "TestTotp.h"
#include "session_fixture.h"

#include <exegia/auth/SessionManager.h>

#include <gtest/gtest.h>

using namespace exegia;
using namespace exegia::test;
using auth::AssuranceLevel;
using auth::SessionManager;

namespace {

class SessionAssurance : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QString error;
        // A 1 s mail cooldown: one address signs in twice.
        ASSERT_TRUE(emu.start({u"--email-cooldown"_qs, u"1"_qs}, &error)) << error.toStdString();
        m = std::make_unique<SessionManager>(&emu.client(), std::make_unique<SharedStore>(&store));
        QObject::connect(m.get(), &SessionManager::assuranceChanged,
                         [this](AssuranceLevel level) { levels.append(level); });
        QObject::connect(m.get(), &SessionManager::signedIn, [this] { ++signedIn; });
        QObject::connect(m.get(), &SessionManager::refreshed, [this] { ++refreshed; });
    }
    // The user's factor, verified from `s`: the aal2 session.
    auth::Session verifyNewFactor(const auth::Session &s, auth::TotpEnrollment *e)
    {
        *e = await(emu.client().enrollTotp(s.accessToken));
        return await(
            emu.client().challengeAndVerify(s.accessToken, e->factorId, totpCode(e->secret)));
    }

    SessionEmulator emu;
    auth::MemoryTokenStore store;
    std::unique_ptr<SessionManager> m;
    QList<AssuranceLevel> levels;
    int signedIn = 0;
    int refreshed = 0;
};

} // namespace

TEST_F(SessionAssurance, Aal2IsAdoptedKeptAcrossRefreshesAndSignalled)
{
    const auth::Session first = emu.emailSession(u"aal@example.com"_qs);
    await(m->signIn(first));
    EXPECT_EQ(levels, QList{AssuranceLevel::Aal1});
    EXPECT_EQ(m->assuranceLevel(), AssuranceLevel::Aal1);
    EXPECT_FALSE(m->assurance().needsSecondFactor());

    auth::TotpEnrollment e;
    const auth::Session raised = verifyNewFactor(first, &e);
    EXPECT_TRUE(await(m->adoptSession(raised)));
    EXPECT_EQ(levels, (QList{AssuranceLevel::Aal1, AssuranceLevel::Aal2}));
    EXPECT_EQ(m->assuranceLevel(), AssuranceLevel::Aal2);
    EXPECT_EQ(signedIn, 1) << "an upgrade is not a new sign-in";
    EXPECT_EQ(refreshed, 1);
    ASSERT_TRUE(store.stored());
    EXPECT_EQ(store.stored()->refreshToken, raised.refreshToken);

    // A refresh keeps aal2: no signal, and the new token says aal2.
    const QString token = await(m->refresh());
    EXPECT_EQ(levels.size(), 2);
    EXPECT_EQ(m->assuranceLevel(), AssuranceLevel::Aal2);
    EXPECT_EQ(auth::AuthClient::assuranceLevel(*m->session()).current, AssuranceLevel::Aal2);
    EXPECT_EQ(m->assurance().next, AssuranceLevel::Aal2);

    // The factor removed: the server lowers the session, the next refresh says so.
    await(emu.client().unenrollFactor(token, e.factorId));
    await(m->refresh());
    EXPECT_EQ(levels.last(), AssuranceLevel::Aal1);
    EXPECT_EQ(m->assuranceLevel(), AssuranceLevel::Aal1);

    await(m->signOut());
    EXPECT_EQ(levels.last(), AssuranceLevel::None);
    EXPECT_EQ(m->assuranceLevel(), AssuranceLevel::None);
    EXPECT_EQ(levels.size(), 4);
}

TEST_F(SessionAssurance, AnAal1SessionOfAnMfaUserNeedsTheSecondFactor)
{
    const QString email = u"aal1@example.com"_qs;
    auth::TotpEnrollment e;
    verifyNewFactor(emu.emailSession(email), &e);

    await(m->signIn(emu.emailSession(email)));
    EXPECT_EQ(m->assuranceLevel(), AssuranceLevel::Aal1);
    EXPECT_TRUE(m->assurance().needsSecondFactor());

    const QString token = await(m->accessToken());
    const auth::Session raised =
        await(emu.client().challengeAndVerify(token, e.factorId, totpCode(e.secret, 1)));
    await(m->adoptSession(raised));
    EXPECT_FALSE(m->assurance().needsSecondFactor());
    EXPECT_EQ(levels, (QList{AssuranceLevel::Aal1, AssuranceLevel::Aal2}));
    // Another user's session is a sign-in, not an adoption.
    await(m->adoptSession(emu.guestSession()));
    EXPECT_EQ(signedIn, 2);
    EXPECT_EQ(m->assuranceLevel(), AssuranceLevel::Aal1);
}
