#include "TestTotp.h"

#include <liboath/oath.h>

#include <QDateTime>

#include <cstdlib>

namespace exegia::test {

QString totpCode(const QString &base32Secret, int steps)
{
    oath_init();
    const QByteArray b32 = base32Secret.toLatin1();
    char *key = nullptr;
    size_t keyLen = 0;
    if (oath_base32_decode(b32.constData(), size_t(b32.size()), &key, &keyLen) != OATH_OK)
        return {};
    char otp[7] = {};
    const time_t when = time_t(QDateTime::currentSecsSinceEpoch() + 30 * steps);
    const int rc = oath_totp_generate(key, keyLen, when, 30, 0, 6, otp);
    std::free(key);
    return rc == OATH_OK ? QString::fromLatin1(otp) : QString();
}

} // namespace exegia::test
