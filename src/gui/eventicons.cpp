#include "eventicons.h"

#include <QHash>

// The resource file is compiled into this static library; a function in the same object file
// is what pulls it into the final link.
static void initPnmResources()
{
    Q_INIT_RESOURCE(pnm);
}

namespace pnm {

namespace {
QIcon cached(const QString &path)
{
    static QHash<QString, QIcon> icons;
    auto found = icons.constFind(path);
    if (found == icons.constEnd())
        found = icons.insert(path, QIcon(path));
    return found.value();
}
} // namespace

void EventIcons::ensureResources()
{
    static const bool done = [] {
        initPnmResources();
        return true;
    }();
    Q_UNUSED(done);
}

QIcon EventIcons::family(EventFamily family)
{
    ensureResources();
    return cached(QStringLiteral(":/icons/family-%1.svg").arg(eventFamilyName(family)));
}

QIcon EventIcons::verdict(VerdictClass verdictClass)
{
    ensureResources();
    switch (verdictClass) {
    case VerdictClass::Valid:
        return cached(QStringLiteral(":/icons/verdict-valid.svg"));
    case VerdictClass::Failed:
        return cached(QStringLiteral(":/icons/verdict-failed.svg"));
    case VerdictClass::Unverified:
        break;
    }
    return cached(QStringLiteral(":/icons/verdict-unverified.svg"));
}

QIcon EventIcons::application()
{
    ensureResources();
    return cached(QStringLiteral(":/icons/app.svg"));
}

} // namespace pnm
