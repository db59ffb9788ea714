// A collapsible tree of one JSON document (the request body) for the JSON tab: key, value and
// type per node, with each node's path ($.room.room_id) and its value as compact JSON for the
// "copy path" and "copy value" actions. GUI thread.
#pragma once

#include <QAbstractItemModel>
#include <QJsonValue>
#include <memory>
#include <vector>

namespace pnm {

class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        KeyColumn,
        ValueColumn,
        TypeColumn,
        ColumnCount
    };
    enum Role
    {
        PathRole = Qt::UserRole + 1,
        JsonRole
    };

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    // An object or array becomes the root's children; anything else clears the tree.
    void setDocument(const QJsonValue &root);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Node
    {
        Node *parent = nullptr;
        int row = 0;
        QString key; // member name, or "[3]" for array elements
        QString path;
        QJsonValue value;
        std::vector<std::unique_ptr<Node>> children;
    };
    static void build(Node *node);
    Node *nodeFor(const QModelIndex &index) const;

    std::unique_ptr<Node> m_root;
};

} // namespace pnm
