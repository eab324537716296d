#include "EmulatorProcess.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonParseError>

#ifndef EXEGIA_EMULATOR_PATH
#error "EXEGIA_EMULATOR_PATH must name the emulator binary"
#endif

namespace exegia::test {

EmulatorProcess::~EmulatorProcess()
{
    if (isRunning())
        stop();
    delete m_process;
}

QString EmulatorProcess::executablePath()
{
    const QByteArray fromEnv = qgetenv("EXEGIA_EMULATOR");
    return fromEnv.isEmpty() ? QStringLiteral(EXEGIA_EMULATOR_PATH)
                             : QString::fromLocal8Bit(fromEnv);
}

bool EmulatorProcess::legacyMode()
{
    return qgetenv("EXEGIA_EMULATOR_MODE") == "legacy";
}

QStringList EmulatorProcess::modeArguments(const QStringList &args)
{
    QStringList out;
    if (legacyMode() && !args.contains(QStringLiteral("--legacy-keys")))
        out << QStringLiteral("--legacy-keys");
    if (legacyMode() && !args.contains(QStringLiteral("--signing-key")))
        out << QStringLiteral("--signing-key") << QStringLiteral("hs256");
    return out;
}

bool EmulatorProcess::start(const QStringList &args, QString *error, int timeoutMs)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = why + QStringLiteral("\nstderr: ") + QString::fromLocal8Bit(standardError());
        kill();
        return false;
    };
    delete m_process;
    m_process = new QProcess;
    m_info = {};
    m_stderr.clear();
    QStringList all{QStringLiteral("--port"), QStringLiteral("0")};
    if (!args.contains(QStringLiteral("--data")) && !args.contains(QStringLiteral("--in-memory")))
        all << QStringLiteral("--in-memory");
    all << args << modeArguments(args);
    m_legacy = legacyMode();
    m_process->setProgram(executablePath());
    m_process->setArguments(all);
    m_process->start(QIODevice::ReadOnly);
    if (!m_process->waitForStarted(timeoutMs))
        return fail(QStringLiteral("emulator did not start: ") + m_process->errorString());

    QDeadlineTimer deadline(timeoutMs);
    QByteArray line;
    while (!m_process->canReadLine()) {
        if (deadline.hasExpired() || m_process->state() != QProcess::Running)
            return fail(QStringLiteral("emulator printed no start-up line"));
        m_process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    line = m_process->readLine();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (!doc.isObject())
        return fail(QStringLiteral("start-up line is not a JSON object: ") +
                    QString::fromUtf8(line));
    m_info = doc.object();
    return true;
}

bool EmulatorProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QByteArray EmulatorProcess::standardError() const
{
    if (!m_process)
        return m_stderr;
    return m_stderr + m_process->readAllStandardError();
}

int EmulatorProcess::stop(int timeoutMs)
{
    if (!isRunning())
        return m_process ? m_process->exitCode() : -1;
    m_process->terminate();
    if (!m_process->waitForFinished(timeoutMs)) {
        kill();
        return -1;
    }
    m_stderr += m_process->readAllStandardError();
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

void EmulatorProcess::kill()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_stderr += m_process->readAllStandardError();
}

QString EmulatorProcess::issuer(const QString &provider) const
{
    return m_info.value(u"issuers").toObject().value(provider).toString();
}

QString EmulatorProcess::clientId(const QString &provider) const
{
    return m_info.value(u"client_ids").toObject().value(provider).toString();
}

} // namespace exegia::test
