// What the table area shows before the first request arrives: the URL to put into
// Plug-N-Meet's config.yaml, a copy button, and "Send test event" so a new user sees a row at
// once. GUI thread.
#pragma once

#include <QWidget>
#include <memory>

namespace Ui {
class FirstRunPanel;
}

namespace pnm {

class FirstRunPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FirstRunPanel(QWidget *parent = nullptr);
    ~FirstRunPanel() override;

    QString instructions() const;

public slots:
    void setListening(bool listening, const QString &url, bool hasKeys);
    void setResult(bool ok, const QString &message);

signals:
    void copyUrlRequested();
    void sendTestRequested();
    void settingsRequested();

private:
    std::unique_ptr<Ui::FirstRunPanel> m_ui;
};

} // namespace pnm
