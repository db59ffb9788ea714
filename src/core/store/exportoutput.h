// Where an export goes (SessionExporter). A regular file, or a new one, is written beside its
// path and renamed over it once complete, so a failed export leaves what was there. A path that
// names an open descriptor (/dev/stdout, /dev/fd/N, /proc/self/fd/N) is written through that
// descriptor, so a shell's `>> file` goes on appending; anything else that is not a regular file
// (a pipe, a device) is written in place. Every write is flushed at once, so that a full disk is
// reported by its name when it happens rather than as "Unknown error" at the end.
#pragma once

#include <QByteArray>
#include <QFileDevice>
#include <QString>
#include <memory>

namespace pnm {

class ExportOutput
{
public:
    explicit ExportOutput(const QString &path);

    bool open(QString *error);
    bool write(const QByteArray &bytes, QString *error);
    // Renames the finished file over the path, or closes what was written in place.
    bool finish(QString *error);
    // Leaves the path as it was (what was written in place stays written).
    void cancel();

    // The descriptor `path` names (1 for /dev/stdout, N for /dev/fd/N), or -1.
    static int descriptorNamedBy(const QString &path);

private:
    bool check(bool ok, QString *error) const;

    QString m_path;
    int m_descriptor = -1;
    std::unique_ptr<QFileDevice> m_device;
};

} // namespace pnm
