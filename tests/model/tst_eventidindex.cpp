// EventIdIndex: ids are found by any case and only within one id, across the chunks a regex runs
// over, with the one-by-one fallback for patterns that would see neighbouring ids.
#include "eventidindex.h"

#include <QTest>

using namespace pnm;

class TestEventIdIndex : public QObject
{
    Q_OBJECT
private slots:
    void wordsWithinOneId();
    void regexAcrossChunks();
    void regexFallbacks();
    void reservedRoomHoldsTheRowsToCome();

private:
    static QList<int> marked(const std::vector<quint32> &masks);
};

QList<int> TestEventIdIndex::marked(const std::vector<quint32> &masks)
{
    QList<int> rows;
    for (size_t row = 0; row < masks.size(); ++row) {
        if (masks[row] != 0)
            rows.append(int(row));
    }
    return rows;
}

void TestEventIdIndex::wordsWithinOneId()
{
    EventIdIndex ids;
    for (const QString &id :
         {QStringLiteral("EV_Abc"), QString(), QStringLiteral("cd-ÄÖ"), QStringLiteral("ev_abc-2")})
        ids.append(id);
    QCOMPARE(ids.size(), 4);
    QCOMPARE(ids.id(0), std::string_view("ev_abc"));
    QCOMPARE(ids.id(1), std::string_view());
    const auto find = [&ids](const QString &word) {
        std::vector<quint32> masks(4, 0);
        const QByteArray folded = word.toCaseFolded().toUtf8();
        ids.markContaining(std::string_view(folded.data(), size_t(folded.size())), 1, &masks);
        // The per-row answer (for arriving rows) agrees with the whole-table scan.
        for (int row = 0; row < ids.size(); ++row) {
            if (ids.contains(row, std::string_view(folded.data(), size_t(folded.size()))) !=
                (masks[size_t(row)] != 0))
                return QList<int>{-1};
        }
        return marked(masks);
    };
    QCOMPARE(find(QStringLiteral("ABC")), (QList<int>{0, 3}));
    QCOMPARE(find(QStringLiteral("äö")), QList<int>{2});
    QCOMPARE(find(QStringLiteral("c")), (QList<int>{0, 2, 3}));
    QCOMPARE(find(QStringLiteral("abccd")), QList<int>{}); // never across two ids
    QCOMPARE(find(QStringLiteral("zz")), QList<int>{});    // a pair no id has: no scan at all
    ids.clear();
    QCOMPARE(ids.size(), 0);
}

void TestEventIdIndex::regexAcrossChunks()
{
    EventIdIndex ids;
    const int count = EventIdIndex::kRegexChunkRows * 2 + 10;
    for (int i = 0; i < count; ++i)
        ids.append(QStringLiteral("EV-%1").arg(i));
    const auto match = [&ids, count](const QString &pattern) {
        std::vector<quint32> masks(size_t(count), 0);
        ids.markMatching(QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption), 1,
                         &masks);
        return marked(masks);
    };
    const int edge = EventIdIndex::kRegexChunkRows;
    QCOMPARE(match(QStringLiteral("^ev-%1$").arg(edge - 1)), QList<int>{edge - 1});
    QCOMPARE(match(QStringLiteral("^ev-%1$").arg(edge)), QList<int>{edge});
    QCOMPARE(match(QStringLiteral("-%1$").arg(count - 1)), QList<int>{count - 1});
    QCOMPARE(match(QStringLiteral("^ev-\\d$")).size(), 10);
    QCOMPARE(match(QStringLiteral("9\\sev")), QList<int>{}); // spans two ids: tested alone
    QCOMPARE(match(QStringLiteral("ev")).size(), count);
    // Rows that already have the bit are not tested (and keep it).
    std::vector<quint32> masks(size_t(count), 1);
    masks[5] = 0;
    ids.markMatching(QRegularExpression(QStringLiteral("^ev-5$")), 1, &masks);
    QCOMPARE(masks[5], 1u);
}

void TestEventIdIndex::regexFallbacks()
{
    EventIdIndex ids;
    ids.append(QStringLiteral("a\nb")); // a newline in an id: ids are tested one by one
    ids.append(QString());
    ids.append(QStringLiteral("b"));
    const auto match = [&ids](const QString &pattern) {
        std::vector<quint32> masks(3, 0);
        ids.markMatching(QRegularExpression(pattern), 1, &masks);
        return marked(masks);
    };
    QCOMPARE(match(QStringLiteral("^b$")), QList<int>{2});
    QCOMPARE(match(QStringLiteral("^$")), QList<int>{}); // an empty id is no field
    QCOMPARE(match(QStringLiteral("\\Ab")), QList<int>{2});
    QCOMPARE(match(QStringLiteral("(?<=a\\n)b")), QList<int>{0});
}

// A session file opening reserves room for its rows after the first batch; ids of the usual
// length then fit without the buffers growing (and copying) again.
void TestEventIdIndex::reservedRoomHoldsTheRowsToCome()
{
    EventIdIndex index;
    const auto idOf = [](int row) { return QStringLiteral("EV-%1").arg(row, 8, 10, QChar(u'0')); };
    for (int row = 0; row < 10; ++row)
        index.append(idOf(row));
    index.reserve(5000);
    const qsizetype reserved = index.memoryBytes();
    for (int row = 10; row < 5010; ++row)
        index.append(idOf(row));
    QCOMPARE(index.memoryBytes(), reserved);
    QCOMPARE(index.size(), 5010);
    QCOMPARE(index.id(0), std::string_view("ev-00000000"));
    QCOMPARE(index.id(5009), std::string_view("ev-00005009"));
    QVERIFY(index.contains(4321, "04321"));
}

QTEST_GUILESS_MAIN(TestEventIdIndex)
#include "tst_eventidindex.moc"
