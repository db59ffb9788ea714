#include "jsontreemodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pnm {

namespace {

bool isPlainIdentifier(const QString &key)
{
    if (key.isEmpty() || key.front().isDigit())
        return false;
    for (const QChar c : key) {
        if (!c.isLetterOrNumber() && c != u'_')
            return false;
    }
    return true;
}

QString compactJson(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    // Wrapping a scalar in an array is the simplest way to get its exact JSON spelling.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QString();
}

// A view measures every shown text to size its columns: a string of megabytes (room metadata
// can be anything) froze the window for seconds. The cell shows its start; "copy value" and the
// JsonRole give it whole.
constexpr qsizetype kShownValueChars = 2000;

QString shownValue(const QJsonValue &value)
{
    if (value.isObject())
        return QStringLiteral("{%1}").arg(value.toObject().size());
    if (value.isArray())
        return QStringLiteral("[%1]").arg(value.toArray().size());
    if (!value.isString())
        return compactJson(value);
    QString text = value.toString(); // unquoted for reading; "copy value" gives the JSON form
    if (text.size() > kShownValueChars) {
        const qsizetype more = text.size() - kShownValueChars;
        text.truncate(kShownValueChars);
        text +=
            QStringLiteral("\u2026 (%L1 more characters; Copy value copies it whole)").arg(more);
    }
    return text;
}

} // namespace

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent), m_root(std::make_unique<Node>())
{
    m_root->path = QStringLiteral("$");
}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::build(Node *node)
{
    const auto addChild = [node](const QString &key, const QString &path, const QJsonValue &v) {
        auto child = std::make_unique<Node>();
        child->parent = node;
        child->row = int(node->children.size());
        child->key = key;
        child->path = path;
        child->value = v;
        build(child.get());
        node->children.push_back(std::move(child));
    };
    if (node->value.isObject()) {
        const QJsonObject object = node->value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString path = isPlainIdentifier(it.key()) ? node->path + u'.' + it.key()
                                                             : node->path + QStringLiteral("[\"") +
                                                                   it.key() + QStringLiteral("\"]");
            addChild(it.key(), path, it.value());
        }
    } else if (node->value.isArray()) {
        const QJsonArray array = node->value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString key = u'[' + QString::number(i) + u']';
            addChild(key, node->path + key, array.at(i));
        }
    }
}

void JsonTreeModel::setDocument(const QJsonValue &root)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_root->path = QStringLiteral("$");
    if (root.isObject() || root.isArray()) {
        m_root->value = root;
        build(m_root.get());
    }
    endResetModel();
}

JsonTreeModel::Node *JsonTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *parentNode = nodeFor(parent);
    return createIndex(row, column, parentNode->children[size_t(row)].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *parentNode = nodeFor(child)->parent;
    if (parentNode == nullptr || parentNode == m_root.get())
        return {};
    return createIndex(parentNode->row, 0, parentNode);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeFor(index);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == KeyColumn)
            return node->key;
        if (index.column() == ValueColumn)
            return shownValue(node->value);
        return typeName(node->value);
    case Qt::ToolTipRole:
    case PathRole:
        return node->path;
    case JsonRole:
        return compactJson(node->value);
    default:
        return {};
    }
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    default:
        return {};
    }
}

Qt::ItemFlags JsonTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (nodeFor(index)->children.empty())
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

} // namespace pnm
