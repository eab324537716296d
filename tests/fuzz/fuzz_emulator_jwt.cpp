// The emulator's token handling (jwt::parse, verifyHs256, verifyRs256): every
// Bearer token and API key a client sends goes through it. Random bytes
// rarely carry a valid signature, so the input is also signed here with the
// test secret, which takes it past the signature to the claim checks.
#include "FuzzSupport.h"

#include "Crypto.h"
#include "Jwt.h"

#include <QJsonDocument>

#include <limits>

using namespace exegia;
using namespace exegia::emulator;

namespace {

const QByteArray kSecret = "fuzz-secret-that-is-at-least-32-characters";
const crypto::RsaKey *rsaKey = nullptr;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    // Generated once: a 2048-bit key per input would take all the time.
    static const crypto::RsaKey key = crypto::RsaKey::generate(2048);
    rsaKey = &key;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray token = fuzz::bytes(data, size);
    const qint64 now = 1'750'000'000;
    (void)jwt::parse(token);
    (void)jwt::verifyHs256(token, kSecret, now, 30);
    (void)jwt::verifyRs256(token, *rsaKey, now, 30);

    const QJsonDocument claims = QJsonDocument::fromJson(token);
    if (!claims.isObject())
        return 0;
    const QByteArray hs = jwt::signHs256(claims.object(), kSecret);
    for (const int leeway : {0, 30, std::numeric_limits<int>::max()}) {
        const jwt::Decoded decoded = jwt::verifyHs256(hs, kSecret, now, leeway);
        fuzz::require(decoded.status != jwt::Status::BadSignature &&
                          decoded.status != jwt::Status::WrongAlgorithm,
                      "a token signed with the secret verifies");
        fuzz::require(decoded.payload == claims.object(), "the claims survive a round trip");
    }
    const QByteArray rs = jwt::signRs256(claims.object(), *rsaKey, QStringLiteral("kid"));
    const jwt::Decoded decoded = jwt::verifyRs256(rs, *rsaKey, now, 30);
    fuzz::require(decoded.status != jwt::Status::BadSignature,
                  "a token signed with the key verifies");
    return 0;
}
