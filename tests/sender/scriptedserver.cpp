#include "scriptedserver.h"

namespace pnm::test {

ScriptedServer::ScriptedServer(QObject *parent) : QObject(parent), m_listener(this, HttpLimits{})
{
    m_clock.start();
}

bool ScriptedServer::listen()
{
    return m_listener.listen(QHostAddress::LocalHost, 0);
}

QString ScriptedServer::url() const
{
    return QStringLiteral("http://127.0.0.1:%1/hook").arg(port());
}

void ScriptedServer::script(int status, const QByteArray &retryAfter)
{
    HttpResponse response;
    response.status = status;
    response.body = "scripted " + QByteArray::number(status);
    if (!retryAfter.isEmpty())
        response.extraHeaders.append("Retry-After", retryAfter);
    m_script.append(response);
}

void ScriptedServer::handleRequest(HttpRequest request, const PeerInfo &, HttpResponder responder)
{
    m_requests.append(request);
    m_arrivalMs.append(m_clock.elapsed());
    HttpResponse response;
    response.body = "ok";
    if (!m_script.isEmpty())
        response = m_script.takeFirst();
    responder.send(response);
    emit requestArrived(int(m_requests.size()));
}

void ScriptedServer::handleRejected(const RejectedRequest &) {}

} // namespace pnm::test
