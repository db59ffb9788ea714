// Edits the listener, keys (secrets masked unless asked), leeway, body limit, reject policy, the
// session file's retention and the visible columns. Reads and writes through AppSettings only when
// accepted. GUI thread.
#pragma once

#include <QDialog>
#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace pnm {

class AppSettings;
struct KeyEntry;

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // What this run uses instead of the saved settings (--listen, --key, --retain-*). Each is
    // shown beside the fields it overrides; a field left as it was keeps the run's choice.
    struct RunOverrides
    {
        QString listen;   // "127.0.0.1 port 18091"; empty when the saved address and port apply
        QStringList keys; // API keys from the command line, in use besides the table's
        bool retention = false; // the session keeps other limits than the saved ones:
        qint64 retainCount = 0; // these (0: no limit)
        qint64 retainAgeSecs = 0;
    };

    SettingsDialog(AppSettings *settings, const QList<bool> &columnsVisible,
                   QWidget *parent = nullptr);
    ~SettingsDialog() override;

    void setRunOverrides(const RunOverrides &overrides);
    // Whether the address or port, or the retention limits, differ from the saved ones the
    // dialog opened with: only then do they replace the run's own.
    bool listenerChanged() const;
    bool retentionChanged() const;

    QList<bool> columnsVisible() const;
    // Exposed so tests can fill the form the way a user would.
    void setKeys(const QList<KeyEntry> &keys);
    QList<KeyEntry> keys() const;
    // The age limit as entered (0: never), and shown in the largest unit that divides it.
    qint64 retainAgeSecs() const;
    void setRetainAge(qint64 secs);

public slots:
    void accept() override;

private:
    void addKeyRow(const QString &apiKey, const QString &secret);
    QString describeAge(qint64 secs) const;
    void setSecretsVisible(bool visible);
    QString validationError() const;

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    AppSettings *m_settings;
    // The saved values the form opened with.
    QString m_openedAddress;
    int m_openedPort = 0;
    int m_openedRetainCount = 0;
    qint64 m_openedRetainAge = 0;
};

} // namespace pnm
