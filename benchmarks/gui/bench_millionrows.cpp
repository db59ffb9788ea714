// A table of N events (default 1,000,000): memory per row of the table model, and how long
// filtering, searching and sorting take (target: under 300 ms each). Usage: bench_millionrows [N]
#include "benchrequests.h"
#include "eventfilterproxy.h"
#include "eventtablemodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <cstdio>

using namespace pnm;

namespace {
template <typename F> void timed(const char *what, EventFilterProxy &proxy, F &&step)
{
    QElapsedTimer timer;
    timer.start();
    step();
    std::printf("%-44s %7.1f ms  (%d rows shown)\n", what, double(timer.nsecsElapsed()) / 1e6,
                proxy.rowCount());
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 1'000'000;
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
    std::printf("%d rows built and published in %.1f s\n", model.rowCount(),
                double(timer.elapsed()) / 1000.0);
    std::printf("table model: %.0f bytes per row (rows + string pool), process RSS growth %.0f "
                "bytes per row\n",
                double(model.memoryBytes()) / count,
                double(bench::rssKb() - rssBefore) * 1024.0 / count);

    EventFilter filter;
    timed("filter: event type participant_joined", proxy, [&] {
        filter.setEventNames({QStringLiteral("participant_joined")});
        proxy.setFilter(filter);
    });
    timed("filter: + one room", proxy, [&] {
        filter.setRoomIds({QStringLiteral("room-17")});
        proxy.setFilter(filter);
    });
    timed("filter: failed verdicts only", proxy, [&] {
        filter = EventFilter();
        filter.setVerdictClasses(int(VerdictClass::Failed));
        proxy.setFilter(filter);
    });
    timed("search: \"user 4711\"", proxy, [&] {
        filter = EventFilter();
        filter.setText(QStringLiteral("\"user 4711\""));
        proxy.setFilter(filter);
    });
    timed("search: two words (weekly user-12)", proxy, [&] {
        filter.setText(QStringLiteral("weekly user-12"));
        proxy.setFilter(filter);
    });
    timed("search: regex /^TR_1[0-9]{3}/", proxy, [&] {
        filter.setText(QStringLiteral("/TR_1[0-9]{3}\\b/"));
        proxy.setFilter(filter);
    });
    timed("search: event id fragment 000f4", proxy, [&] {
        filter.setText(QStringLiteral("000f4"));
        proxy.setFilter(filter);
    });
    timed("clear filter", proxy, [&] { proxy.setFilter(EventFilter()); });
    timed("sort: participant ascending", proxy,
          [&] { proxy.sort(EventTableModel::ParticipantColumn, Qt::AscendingOrder); });
    timed("sort: room descending", proxy,
          [&] { proxy.sort(EventTableModel::RoomColumn, Qt::DescendingOrder); });
    timed("sort: time descending", proxy,
          [&] { proxy.sort(EventTableModel::TimeColumn, Qt::DescendingOrder); });
    timed("append 100 rows while sorted by time desc", proxy, [&] {
        QList<RecordedRequest> batch;
        for (int i = 1; i <= 100; ++i)
            batch.append(bench::syntheticRequest(quint64(count + i), random));
        model.appendBatch(batch);
    });
    timed("sort: arrival order", proxy, [&] { proxy.sort(-1); });
    return 0;
}
