// A small read-only table of text rows (label/value pairs, header fields, verification steps)
// for the detail pane. Rows are replaced as a whole when another request is selected. GUI thread.
#pragma once

#include <QAbstractTableModel>
#include <QStringList>

namespace pnm {

struct TextRow
{
    QStringList cells;
    bool emphasized = false; // a failed step or a problem worth the eye; shown in bold
};

class TextTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role
    {
        EmphasizedRole = Qt::UserRole + 1
    };

    explicit TextTableModel(QStringList headers, QObject *parent = nullptr);

    void setRows(const QList<TextRow> &rows);
    const QList<TextRow> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    QStringList m_headers;
    QList<TextRow> m_rows;
};

} // namespace pnm
