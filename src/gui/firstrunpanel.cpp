#include "firstrunpanel.h"

#include "ui_firstrunpanel.h"

namespace pnm {

FirstRunPanel::FirstRunPanel(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::FirstRunPanel>())
{
    m_ui->setupUi(this);
    connect(m_ui->copyUrlButton, &QPushButton::clicked, this, &FirstRunPanel::copyUrlRequested);
    connect(m_ui->sendTestButton, &QPushButton::clicked, this, &FirstRunPanel::sendTestRequested);
    connect(m_ui->settingsButton, &QPushButton::clicked, this, &FirstRunPanel::settingsRequested);
    setListening(false, QString(), false);
}

FirstRunPanel::~FirstRunPanel() = default;

QString FirstRunPanel::instructions() const
{
    return m_ui->instructionsLabel->text();
}

void FirstRunPanel::setListening(bool listening, const QString &url, bool hasKeys)
{
    m_ui->sendTestButton->setEnabled(listening);
    m_ui->copyUrlButton->setEnabled(listening);
    if (!listening) {
        m_ui->instructionsLabel->setText(
            tr("Not listening. Start the listener (Ctrl+R) or check the address and port in "
               "Settings."));
        return;
    }
    QString text = tr("<p>In the Plug-N-Meet server's <tt>config.yaml</tt>, under <tt>client:</tt> "
                      "<tt>webhook_conf:</tt>, set</p>"
                      "<pre>enable: true\nurl: \"%1\"</pre>")
                       .arg(url.toHtmlEscaped());
    text += hasKeys ? tr("<p>Requests are verified with the configured API keys.</p>")
                    : tr("<p>No API key is configured yet: requests will show as "
                         "<i>unverified</i> until you add Plug-N-Meet's <tt>client.api_key</tt> "
                         "and <tt>client.secret</tt> in Settings.</p>");
    m_ui->instructionsLabel->setText(text);
}

void FirstRunPanel::setResult(bool ok, const QString &message)
{
    m_ui->resultLabel->setText(ok ? message : QStringLiteral("\u26a0 ") + message);
}

} // namespace pnm
