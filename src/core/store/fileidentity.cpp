#include "store/fileidentity.h"

#include <QFile>
#include <sys/stat.h>

namespace pnm {

FileIdentity FileIdentity::of(const QString &path)
{
    FileIdentity identity;
    struct stat status = {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return identity;
    identity.m_valid = true;
    identity.m_device = quint64(status.st_dev);
    identity.m_inode = quint64(status.st_ino);
    return identity;
}

} // namespace pnm
