#include "appsettings.h"

namespace pnm {

namespace {
constexpr char kAddressKey[] = "listen/address";
constexpr char kPortKey[] = "listen/port";
constexpr char kMaxBodyKey[] = "listen/maxBodyBytes";
constexpr char kLeewayKey[] = "verify/leewaySecs";
constexpr char kRejectKey[] = "verify/rejectInvalid";
constexpr char kKeysGroup[] = "keys";
constexpr char kRetainCountKey[] = "session/retainCount";
constexpr char kRetainAgeKey[] = "session/retainAgeSecs";
constexpr char kAutoScrollKey[] = "view/autoScroll";
constexpr char kRecentKey[] = "sessions/recent";
constexpr char kGeometryKey[] = "layout/geometry";
constexpr char kStateKey[] = "layout/state";
constexpr char kSplitterKey[] = "layout/splitter";
constexpr char kHeaderKey[] = "layout/header";
} // namespace

AppSettings::AppSettings(const QString &iniPath)
    : m_settings(iniPath.isEmpty() ? std::make_unique<QSettings>()
                                   : std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
}

QString AppSettings::listenAddress() const
{
    return m_settings->value(kAddressKey, QStringLiteral("127.0.0.1")).toString();
}

void AppSettings::setListenAddress(const QString &address)
{
    m_settings->setValue(kAddressKey, address);
}

quint16 AppSettings::port() const
{
    return quint16(m_settings->value(kPortKey, ListenConfig::kDefaultPort).toUInt());
}

void AppSettings::setPort(quint16 port)
{
    m_settings->setValue(kPortKey, port);
}

qsizetype AppSettings::maxBodyBytes() const
{
    return m_settings->value(kMaxBodyKey, qlonglong(HttpLimits::kDefaultMaxBodyBytes)).toLongLong();
}

void AppSettings::setMaxBodyBytes(qsizetype bytes)
{
    m_settings->setValue(kMaxBodyKey, qlonglong(bytes));
}

qint64 AppSettings::leewaySecs() const
{
    return m_settings->value(kLeewayKey, WebhookVerifier::kDefaultLeewaySecs).toLongLong();
}

void AppSettings::setLeewaySecs(qint64 secs)
{
    m_settings->setValue(kLeewayKey, secs);
}

qint64 AppSettings::retainCount() const
{
    return qMax<qint64>(0, m_settings->value(kRetainCountKey, 0).toLongLong());
}

void AppSettings::setRetainCount(qint64 requests)
{
    m_settings->setValue(kRetainCountKey, requests);
}

qint64 AppSettings::retainAgeSecs() const
{
    return qMax<qint64>(0, m_settings->value(kRetainAgeKey, 0).toLongLong());
}

void AppSettings::setRetainAgeSecs(qint64 secs)
{
    m_settings->setValue(kRetainAgeKey, secs);
}

bool AppSettings::rejectInvalid() const
{
    return m_settings->value(kRejectKey, false).toBool();
}

void AppSettings::setRejectInvalid(bool reject)
{
    m_settings->setValue(kRejectKey, reject);
}

QList<KeyEntry> AppSettings::keys() const
{
    QList<KeyEntry> keys;
    const int count = m_settings->beginReadArray(kKeysGroup);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        keys.append(
            {m_settings->value("apiKey").toString(), m_settings->value("secret").toByteArray()});
    }
    m_settings->endArray();
    return keys;
}

void AppSettings::setKeys(const QList<KeyEntry> &keys)
{
    m_settings->remove(kKeysGroup);
    m_settings->beginWriteArray(kKeysGroup, int(keys.size()));
    for (int i = 0; i < keys.size(); ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue("apiKey", keys.at(i).apiKey);
        m_settings->setValue("secret", keys.at(i).secret);
    }
    m_settings->endArray();
}

bool AppSettings::autoScroll() const
{
    return m_settings->value(kAutoScrollKey, true).toBool();
}

void AppSettings::setAutoScroll(bool on)
{
    m_settings->setValue(kAutoScrollKey, on);
}

QStringList AppSettings::recentSessions() const
{
    return m_settings->value(kRecentKey).toStringList();
}

void AppSettings::addRecentSession(const QString &path)
{
    QStringList paths = recentSessions();
    paths.removeAll(path);
    paths.prepend(path);
    m_settings->setValue(kRecentKey, paths.mid(0, kMaxRecentSessions));
}

void AppSettings::removeRecentSession(const QString &path)
{
    QStringList paths = recentSessions();
    paths.removeAll(path);
    m_settings->setValue(kRecentKey, paths);
}

void AppSettings::clearRecentSessions()
{
    m_settings->remove(kRecentKey);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings->value(kGeometryKey).toByteArray();
}

QByteArray AppSettings::windowState() const
{
    return m_settings->value(kStateKey).toByteArray();
}

QByteArray AppSettings::splitterState() const
{
    return m_settings->value(kSplitterKey).toByteArray();
}

QByteArray AppSettings::headerState() const
{
    return m_settings->value(kHeaderKey).toByteArray();
}

void AppSettings::saveLayout(const QByteArray &geometry, const QByteArray &state,
                             const QByteArray &splitter, const QByteArray &header)
{
    m_settings->setValue(kGeometryKey, geometry);
    m_settings->setValue(kStateKey, state);
    m_settings->setValue(kSplitterKey, splitter);
    m_settings->setValue(kHeaderKey, header);
}

ListenConfig AppSettings::listenConfig() const
{
    ListenConfig config;
    config.address = QHostAddress(listenAddress());
    if (config.address.isNull())
        config.address = QHostAddress::LocalHost;
    config.port = port();
    config.limits.maxBodyBytes = maxBodyBytes();
    config.options.leewaySecs = leewaySecs();
    config.options.rejectInvalid = rejectInvalid();
    for (const KeyEntry &entry : keys()) {
        if (!entry.apiKey.isEmpty())
            config.options.keys.insert(entry.apiKey, entry.secret);
    }
    return config;
}

} // namespace pnm
