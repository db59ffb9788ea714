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
    SettingsDialog(AppSettings *settings, const QList<bool> &columnsVisible,
                   QWidget *parent = nullptr);
    ~SettingsDialog() override;

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
    void setSecretsVisible(bool visible);
    QString validationError() const;

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    AppSettings *m_settings;
};

} // namespace pnm
