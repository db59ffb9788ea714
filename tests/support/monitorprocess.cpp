#include "monitorprocess.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

namespace pnm::test {

MonitorProcess::MonitorProcess(const QStringList &arguments, QProcessEnvironment env,
                               const std::function<void()> &childSetup)
{
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput,
                     [this] { m_stdout += m_process.readAllStandardOutput(); });
    QObject::connect(&m_process, &QProcess::readyReadStandardError,
                     [this] { m_stderr += m_process.readAllStandardError(); });
    if (env.isEmpty())
        env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("XDG_DATA_HOME")))
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dataHome.path());
    m_process.setProcessEnvironment(env);
    if (childSetup)
        m_process.setChildProcessModifier(childSetup);
    m_process.start(QStringLiteral(PNM_MONITOR_EXECUTABLE), arguments);
}

MonitorProcess::~MonitorProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

quint16 MonitorProcess::waitForPort()
{
    static const QRegularExpression listening(QStringLiteral("listening on http://[^ ]*:(\\d+)/"));
    QRegularExpressionMatch match;
    QTRY_LOOP_IMPL((match = listening.match(QString::fromUtf8(m_stderr))).hasMatch() ||
                       m_process.state() == QProcess::NotRunning,
                   10000, 50);
    return match.hasMatch() ? quint16(match.captured(1).toUInt()) : 0;
}

QList<QJsonObject> MonitorProcess::lines() const
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : m_stdout.split('\n')) {
        if (!line.isEmpty())
            objects.append(QJsonDocument::fromJson(line).object());
    }
    return objects;
}

} // namespace pnm::test
