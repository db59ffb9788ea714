#include "store/exportoutput.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace pnm {

ExportOutput::ExportOutput(const QString &path)
    : m_path(path), m_descriptor(descriptorNamedBy(path))
{
    const QFileInfo info(path);
    if (m_descriptor >= 0 || (info.exists() && !info.isFile()))
        m_device = std::make_unique<QFile>(path);
    else
        m_device = std::make_unique<QSaveFile>(path);
}

int ExportOutput::descriptorNamedBy(const QString &path)
{
    if (path == QLatin1String("/dev/stdout"))
        return 1;
    if (path == QLatin1String("/dev/stderr"))
        return 2;
    static const QRegularExpression numbered(QStringLiteral("^/(?:dev|proc/self)/fd/(\\d{1,9})$"));
    const QRegularExpressionMatch match = numbered.match(path);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

bool ExportOutput::open(QString *error)
{
    // Through the descriptor itself: opening /dev/stdout by name would truncate the file a
    // shell appends to, and renaming over it would replace that file.
    if (m_descriptor >= 0)
        return check(static_cast<QFile *>(m_device.get())
                         ->open(m_descriptor, QIODevice::WriteOnly, QFileDevice::DontCloseHandle),
                     error);
    return check(m_device->open(QIODevice::WriteOnly), error);
}

bool ExportOutput::write(const QByteArray &bytes, QString *error)
{
    // A full disk first shows as a short write with no error; the next write names it.
    for (qsizetype done = 0; done < bytes.size();) {
        const qint64 written = m_device->write(bytes.constData() + done, bytes.size() - done);
        if (written <= 0)
            return check(false, error);
        done += qsizetype(written);
    }
    return check(m_device->flush(), error);
}

bool ExportOutput::finish(QString *error)
{
    if (auto *saved = qobject_cast<QSaveFile *>(m_device.get()))
        return check(saved->commit(), error);
    m_device->close();
    return check(m_device->error() == QFileDevice::NoError, error);
}

void ExportOutput::cancel()
{
    if (auto *saved = qobject_cast<QSaveFile *>(m_device.get()))
        saved->cancelWriting();
}

bool ExportOutput::check(bool ok, QString *error) const
{
    if (!ok)
        *error = QStringLiteral("%1: %2").arg(m_path, m_device->errorString());
    return ok;
}

} // namespace pnm
