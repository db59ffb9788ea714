// A table of N events (default 1,000,000) shown in a QTableView (offscreen): memory per row of
// the table model, and how long each kind of filter, search and sort takes until the view has
// caught up (target from issue 5: under 300 ms each). Every case runs R times (default 5) from the
// same starting state; the table gives the median and the worst run. Not a test: run by hand,
// Release build: bench_millionrows [N] [R]
#include "benchrequests.h"
#include "eventfilterproxy.h"
#include "eventtablemodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTableView>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace pnm;

namespace {

struct Case
{
    const char *name;
    std::function<void()> before; // not timed: the state the step starts from
    std::function<void()> step;   // timed
};

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

EventFilter textFilter(const QString &text)
{
    EventFilter filter;
    filter.setText(text);
    return filter;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 1'000'000;
    const int runs = std::max(3, argc > 2 ? QByteArray(argv[2]).toInt() : 5);
    constexpr int kBatch = 10'000;
    EventTableModel model;
    EventFilterProxy proxy;
    proxy.setSourceModel(&model);
    QRandomGenerator random(42);
    const long rssBefore = bench::rssKb();
    QElapsedTimer timer;
    timer.start();
    for (int first = 1; first <= count; first += kBatch) {
        QList<RecordedRequest> batch;
        for (int seq = first; seq < first + kBatch && seq <= count; ++seq)
            batch.append(bench::syntheticRequest(quint64(seq), random));
        model.appendBatch(batch);
    }
    std::printf("%d rows built and published in %.1f s; %lld distinct strings\n", model.rowCount(),
                double(timer.elapsed()) / 1000.0, static_cast<long long>(model.strings().size()));
    std::printf("table model: %.0f bytes per row (rows, string pool, event ids; no bodies); "
                "process RSS growth %.0f bytes per row\n\n",
                double(model.memoryBytes()) / count,
                double(bench::rssKb() - rssBefore) * 1024.0 / count);

    QTableView view;
    view.setModel(&proxy);
    view.resize(1200, 800);
    view.show();
    QApplication::processEvents();

    const auto filterBy = [&proxy](const EventFilter &filter) {
        return [&proxy, filter] { proxy.setFilter(filter); };
    };
    const auto clearAll = [&proxy] {
        proxy.setFilter(EventFilter());
        proxy.sort(-1);
    };
    EventFilter oneType;
    oneType.setEventNames({QStringLiteral("participant_joined")});
    EventFilter threeTypes;
    threeTypes.setEventNames({QStringLiteral("participant_joined"),
                              QStringLiteral("participant_left"),
                              QStringLiteral("track_published")});
    EventFilter typeAndRoom = oneType;
    typeAndRoom.setRoomIds({QStringLiteral("room-17")});
    EventFilter failed;
    failed.setVerdictClasses(int(VerdictClass::Failed));
    EventFilter everything = typeAndRoom;
    everything.setVerdictClasses(int(VerdictClass::Valid));
    everything.setText(QStringLiteral("user-4"));
    const auto sortBy = [&proxy](int column, Qt::SortOrder order) {
        return [&proxy, column, order] { proxy.sort(column, order); };
    };

    const std::vector<Case> cases = {
        {"filter: one event type", clearAll, filterBy(oneType)},
        {"filter: three event types", clearAll, filterBy(threeTypes)},
        {"filter: one type + one room", clearAll, filterBy(typeAndRoom)},
        {"filter: failed verdicts only", clearAll, filterBy(failed)},
        {"filter: type + room + valid + word", clearAll, filterBy(everything)},
        {"filter: clear (from failed only)",
         [&] {
             clearAll();
             proxy.setFilter(failed);
         },
         filterBy(EventFilter())},
        {"search: word (weekly)", clearAll, filterBy(textFilter(QStringLiteral("weekly")))},
        {"search: upper case (WEEKLY)", clearAll, filterBy(textFilter(QStringLiteral("WEEKLY")))},
        {"search: phrase (\"user 4711\")", clearAll,
         filterBy(textFilter(QStringLiteral("\"user 4711\"")))},
        {"search: two words (weekly user-12)", clearAll,
         filterBy(textFilter(QStringLiteral("weekly user-12")))},
        {"search: five words", clearAll,
         filterBy(textFilter(QStringLiteral("meeting 10.0.0.1 video camera tr_1")))},
        {"search: no match (zzzz)", clearAll, filterBy(textFilter(QStringLiteral("zzzz")))},
        {"search: id fragment (000f4)", clearAll, filterBy(textFilter(QStringLiteral("000f4")))},
        {"search: one character (7)", clearAll, filterBy(textFilter(QStringLiteral("7")))},
        {"search: verdict word (mismatch)", clearAll,
         filterBy(textFilter(QStringLiteral("mismatch")))},
        {"search: regex /TR_1[0-9]{3}\\b/", clearAll,
         filterBy(textFilter(QStringLiteral("/TR_1[0-9]{3}\\b/")))},
        {"search: regex on ids /^000f4/", clearAll,
         filterBy(textFilter(QStringLiteral("/^000f4/")))},
        {"search: regex matching all /-/", clearAll, filterBy(textFilter(QStringLiteral("/-/")))},
        {"search: regex lookahead /f4(?=a)/", clearAll,
         filterBy(textFilter(QStringLiteral("/f4(?=a)/")))},
        {"search: invalid regex /([/", clearAll, filterBy(textFilter(QStringLiteral("/([/")))},
        {"sort: participant ascending", clearAll,
         sortBy(EventTableModel::ParticipantColumn, Qt::AscendingOrder)},
        {"sort: room descending", clearAll,
         sortBy(EventTableModel::RoomColumn, Qt::DescendingOrder)},
        {"sort: track ascending", clearAll,
         sortBy(EventTableModel::TrackColumn, Qt::AscendingOrder)},
        {"sort: event ascending", clearAll,
         sortBy(EventTableModel::EventColumn, Qt::AscendingOrder)},
        {"sort: time descending", clearAll,
         sortBy(EventTableModel::TimeColumn, Qt::DescendingOrder)},
        {"sort: size ascending", clearAll, sortBy(EventTableModel::SizeColumn, Qt::AscendingOrder)},
        {"sort: verdict descending", clearAll,
         sortBy(EventTableModel::VerdictColumn, Qt::DescendingOrder)},
        {"sort: arrival order (from time desc)",
         [&] {
             clearAll();
             proxy.sort(EventTableModel::TimeColumn, Qt::DescendingOrder);
         },
         sortBy(-1, Qt::AscendingOrder)},
        {"sort: participant, filtered to a word",
         [&] {
             clearAll();
             proxy.setFilter(textFilter(QStringLiteral("weekly")));
         },
         sortBy(EventTableModel::ParticipantColumn, Qt::AscendingOrder)},
    };

    std::printf("%-40s %10s %9s %9s %11s\n", "case (each from the same start)", "rows shown",
                "median", "max", "proxy only");
    std::printf("%-40s %10s %9s %9s %11s\n", "", "", "ms", "ms", "median ms");
    for (const Case &c : cases) {
        std::vector<double> total;
        std::vector<double> alone;
        for (int run = 0; run < runs; ++run) {
            c.before();
            QApplication::processEvents();
            timer.restart();
            c.step();
            alone.push_back(double(timer.nsecsElapsed()) / 1e6);
            QApplication::processEvents(); // the view lays out and paints the answer
            total.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        std::printf("%-40s %10d %9.1f %9.1f %11.1f\n", c.name, proxy.rowCount(), median(total),
                    *std::max_element(total.begin(), total.end()), median(alone));
    }

    // Live rows while sorted newest first and searched: they land at the top in one insertion.
    clearAll();
    proxy.sort(EventTableModel::TimeColumn, Qt::DescendingOrder);
    proxy.setFilter(textFilter(QStringLiteral("weekly")));
    std::vector<double> appends;
    quint64 seq = quint64(count);
    for (int run = 0; run < runs; ++run) {
        QList<RecordedRequest> batch;
        for (int i = 0; i < 100; ++i)
            batch.append(bench::syntheticRequest(++seq, random));
        timer.restart();
        model.appendBatch(batch);
        QApplication::processEvents();
        appends.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("%-40s %10d %9.1f %9.1f\n", "append 100 rows (time desc, searched)",
                proxy.rowCount(), median(appends),
                *std::max_element(appends.begin(), appends.end()));

    // Retention at full speed: the writer removes about 17,000 requests a second from the file
    // and the window drops them four times a second, oldest first.
    constexpr int kRemovedPerStep = 4'250;
    quint64 oldest = 1;
    const auto removeOldestStep = [&] { // ms until painted
        QList<quint64> seqs;
        for (int i = 0; i < kRemovedPerStep; ++i)
            seqs.append(oldest++);
        timer.restart();
        model.removeSeqs(seqs);
        QApplication::processEvents();
        return double(timer.nsecsElapsed()) / 1e6;
    };
    const auto removeOldest = [&](const char *name) {
        std::vector<double> removals;
        for (int run = 0; run < runs; ++run)
            removals.push_back(removeOldestStep());
        std::printf("%-40s %10d %9.1f %9.1f\n", name, proxy.rowCount(), median(removals),
                    *std::max_element(removals.begin(), removals.end()));
    };
    clearAll();
    removeOldest("retention: 4,250 oldest (arrival order)");
    proxy.sort(EventTableModel::ParticipantColumn, Qt::AscendingOrder);
    removeOldest("retention: 4,250 oldest (by participant)");

    // A window left open for days with retention: every participant session and track is new
    // (unique sids), and the table stays at N rows. Once as many rows have gone as it holds,
    // the strings only removed rows named leave the pool; the step that does it is the max.
    clearAll();
    model.clear();
    quint64 next = 0;
    oldest = 1;
    const auto appendUnique = [&](int rows) {
        QList<RecordedRequest> batch;
        for (int i = 0; i < rows; ++i) {
            RecordedRequest request = bench::syntheticRequest(++next, random);
            if (request.event.participant)
                request.event.participant->sid = QStringLiteral("PA_%1").arg(next);
            batch.append(request);
        }
        model.appendBatch(batch);
    };
    for (int appended = 0; appended < count; appended += kBatch)
        appendUnique(std::min(kBatch, count - appended));
    qsizetype poolPeak = 0;
    int renumbered = 0;
    QObject::connect(&model, &EventTableModel::stringsRenumbered, [&] {
        ++renumbered;
        std::printf("  (the step that renumbered: pool of %lld strings, %lld kept)\n",
                    static_cast<long long>(poolPeak),
                    static_cast<long long>(model.strings().size()));
    });
    std::vector<double> steps;
    while (oldest + kRemovedPerStep <= next && renumbered == 0) {
        appendUnique(kRemovedPerStep);
        QApplication::processEvents();
        poolPeak = std::max(poolPeak, model.strings().size());
        steps.push_back(removeOldestStep());
    }
    std::printf("%-40s %10d %9.1f %9.1f   (%zu steps)\n", "retention turnover, unique sids",
                proxy.rowCount(), median(steps), *std::max_element(steps.begin(), steps.end()),
                steps.size());
    return 0;
}
