#include "http/requestsink.h"

#include "http/httpconnection.h"

#include <QMetaObject>
#include <QThread>

namespace pnm {

HttpResponder::HttpResponder(HttpConnection *connection, quint64 requestNumber)
    : m_connection(connection), m_requestNumber(requestNumber)
{
}

void HttpResponder::send(const HttpResponse &response) const
{
    HttpConnection *connection = m_connection.data();
    if (!connection)
        return;
    const quint64 number = m_requestNumber;
    if (connection->thread() == QThread::currentThread()) {
        connection->sendResponse(number, response);
        return;
    }
    // The QPointer is re-checked on the connection's thread, where deletion happens.
    QPointer<HttpConnection> guard = m_connection;
    QMetaObject::invokeMethod(
        connection,
        [guard, number, response] {
            if (guard)
                guard->sendResponse(number, response);
        },
        Qt::QueuedConnection);
}

} // namespace pnm
