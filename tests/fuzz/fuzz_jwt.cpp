// The library's unverified JWT reading (Jwt::payload/subject/role), used on
// keys from the configuration and on tokens from the server.
#include "FuzzSupport.h"

#include "detail/Jwt.h"

using namespace exegia;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw = fuzz::bytes(data, size);
    // Tokens reach the library as QStrings from JSON (any Unicode) and from
    // the environment (Latin-1 at worst).
    for (const QString &token : {QString::fromUtf8(raw), QString::fromLatin1(raw)}) {
        const auto claims = auth::Jwt::payload(token);
        const QString subject = auth::Jwt::subject(token);
        const QString role = auth::Jwt::role(token);
        if (!claims)
            fuzz::require(subject.isEmpty() && role.isEmpty(),
                          "no claims are read from an undecodable token");
    }
    return 0;
}
