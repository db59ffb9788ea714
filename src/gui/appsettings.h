// The window's persistent settings, typed: listener, keys, verification policy and the saved
// window, splitter and table-header layout. The only place that touches QSettings; widgets ask
// this class. GUI thread.
#pragma once

#include "monitorsession.h"

#include <QByteArray>
#include <QList>
#include <QSettings>
#include <memory>

namespace pnm {

struct KeyEntry
{
    QString apiKey;
    QByteArray secret;
    friend bool operator==(const KeyEntry &, const KeyEntry &) = default;
};

class AppSettings
{
public:
    // Empty path: the platform's usual place for this application. Tests pass an ini file.
    explicit AppSettings(const QString &iniPath = QString());

    QString listenAddress() const;
    void setListenAddress(const QString &address);
    quint16 port() const;
    void setPort(quint16 port);
    qsizetype maxBodyBytes() const;
    void setMaxBodyBytes(qsizetype bytes);
    qint64 leewaySecs() const;
    void setLeewaySecs(qint64 secs);
    // Retention of the session file being recorded; 0 keeps all.
    qint64 retainCount() const;
    void setRetainCount(qint64 requests);
    qint64 retainAgeSecs() const;
    void setRetainAgeSecs(qint64 secs);
    bool rejectInvalid() const;
    void setRejectInvalid(bool reject);
    // Stored as plain text in the settings file, like any desktop client's saved credentials.
    QList<KeyEntry> keys() const;
    void setKeys(const QList<KeyEntry> &keys);
    bool autoScroll() const;
    void setAutoScroll(bool on);

    // Session files opened lately, newest first, at most kMaxRecentSessions.
    static constexpr int kMaxRecentSessions = 10;
    QStringList recentSessions() const;
    void addRecentSession(const QString &path);
    void removeRecentSession(const QString &path);
    void clearRecentSessions();

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    QByteArray splitterState() const;
    QByteArray headerState() const;
    void saveLayout(const QByteArray &geometry, const QByteArray &state, const QByteArray &splitter,
                    const QByteArray &header);

    // What the session needs to listen with these settings.
    ListenConfig listenConfig() const;
    void sync() { m_settings->sync(); }

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace pnm
