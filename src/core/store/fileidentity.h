// Which file a path names: the device and inode behind it. The session writer keeps the identity
// of the file it opened, because SQLite goes on writing to the file it holds open even when the
// path now names another one (removed and created again by a script or a second monitor): every
// commit would then succeed into a file nobody can open any more.
#pragma once

#include <QString>
#include <QtGlobal>

namespace pnm {

class FileIdentity
{
public:
    // The identity of what `path` names now; invalid when nothing is there.
    static FileIdentity of(const QString &path);

    bool isValid() const { return m_valid; }
    friend bool operator==(const FileIdentity &, const FileIdentity &) = default;

private:
    bool m_valid = false;
    quint64 m_device = 0;
    quint64 m_inode = 0;
};

} // namespace pnm
