#pragma once

#include <QByteArray>
#include <QString>

#include <exception>

namespace exegia::auth {

// Base of every failure the library reports. Failures travel as exceptions
// stored in the QFuture a call returns (see AuthClient.h), so callers can
// catch the base or a specific subclass in onFailed().
//
// what() is for developers and logs; userMessage() is a translated sentence
// for a person. Neither ever contains a token, key or code.
class Error : public std::exception
{
public:
    ~Error() override = default;

    const char *what() const noexcept override { return m_what.constData(); }
    virtual QString userMessage() const = 0;

protected:
    // `what` is redacted before it is stored.
    explicit Error(const QString &what);

private:
    QByteArray m_what;
};

} // namespace exegia::auth
