// The real pnm-webhook-monitor executable run as a child process, as a user runs it: its output
// gathered as it comes, the port it listens on read from what it prints, killed if still running
// at the end. Its data folder (XDG_DATA_HOME) is a temporary one of its own unless the
// environment given names one, so no test leaves sessions in the user's folder.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QTemporaryDir>
#include <functional>

namespace pnm::test {

class MonitorProcess
{
public:
    // `childSetup` runs in the child between fork and exec (limits, signal dispositions).
    explicit MonitorProcess(const QStringList &arguments, QProcessEnvironment env = {},
                            const std::function<void()> &childSetup = {});
    ~MonitorProcess();
    MonitorProcess(const MonitorProcess &) = delete;
    MonitorProcess &operator=(const MonitorProcess &) = delete;

    // The port from "listening on http://HOST:PORT/" on stderr; 0 if it exits or says nothing
    // of the kind within ten seconds.
    quint16 waitForPort();
    // Each line of standard output as a JSON object (the headless event lines).
    QList<QJsonObject> lines() const;
    QProcess &process() { return m_process; }
    QByteArray standardError() const { return m_stderr; }
    QByteArray standardOutput() const { return m_stdout; }

private:
    QTemporaryDir m_dataHome;
    QProcess m_process;
    QByteArray m_stdout, m_stderr;
};

} // namespace pnm::test
