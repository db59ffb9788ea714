// The one-line filter language of --filter: keys, lists, free text, and the errors a user makes.
#include "events/eventfilterexpression.h"

#include <QTest>

using namespace pnm;

namespace {
EventFilterSubject subject(const QString &event, const QString &room, Verdict verdict,
                           const QStringList &fields = {})
{
    return {event, room, verdict, fields};
}
} // namespace

class TestEventFilterExpression : public QObject
{
    Q_OBJECT
private slots:
    void emptyAcceptsEverything();
    void keysAndFreeText();
    void verdictClasses();
    void quotedPhraseAndRegex();
    void errors_data();
    void errors();
};

void TestEventFilterExpression::emptyAcceptsEverything()
{
    QString error;
    const auto filter = parseEventFilterExpression(QStringLiteral("   "), &error);
    QVERIFY(filter);
    QVERIFY(filter->isEmpty());
    QVERIFY(filter->matches(subject("room_started", "r", Verdict::Expired)));
}

void TestEventFilterExpression::keysAndFreeText()
{
    QString error;
    const auto filter = parseEventFilterExpression(
        QStringLiteral("event:Participant_Joined,participant_left room:room01,room02 alice"),
        &error);
    QVERIFY2(filter, qPrintable(error));
    QCOMPARE(filter->eventNames(), (QSet<QString>{"participant_joined", "participant_left"}));
    QCOMPARE(filter->roomIds(), (QSet<QString>{"room01", "room02"}));
    QCOMPARE(filter->text(), QStringLiteral("alice"));
    QVERIFY(filter->matches(
        subject("participant_joined", "room02", Verdict::Valid, {"Alice Ångström"})));
    QVERIFY(!filter->matches(subject("participant_joined", "room03", Verdict::Valid, {"Alice"})));
    QVERIFY(!filter->matches(subject("track_published", "room01", Verdict::Valid, {"Alice"})));
    QVERIFY(!filter->matches(subject("participant_left", "room01", Verdict::Valid, {"Bob"})));
}

void TestEventFilterExpression::verdictClasses()
{
    QString error;
    const auto failed = parseEventFilterExpression(QStringLiteral("verdict:failed"), &error);
    QVERIFY(failed);
    QVERIFY(failed->matches(subject("room_started", "r", Verdict::HashMismatch)));
    QVERIFY(!failed->matches(subject("room_started", "r", Verdict::Valid)));
    QVERIFY(!failed->matches(subject("room_started", "r", Verdict::Unverified)));
    const auto two = parseEventFilterExpression(QStringLiteral("verdict:valid,unverified"), &error);
    QVERIFY(two);
    QVERIFY(two->matches(subject("room_started", "r", Verdict::Valid)));
    QVERIFY(two->matches(subject("room_started", "r", Verdict::Unverified)));
    QVERIFY(!two->matches(subject("room_started", "r", Verdict::Expired)));
}

void TestEventFilterExpression::quotedPhraseAndRegex()
{
    QString error;
    const auto phrase = parseEventFilterExpression(QStringLiteral("\"hebdo meeting\""), &error);
    QVERIFY(phrase);
    QVERIFY(
        phrase->matches(subject("room_started", "r", Verdict::Valid, {"Weekly hebdo meeting"})));
    QVERIFY(!phrase->matches(subject("room_started", "r", Verdict::Valid, {"hebdo", "meeting"})));
    const auto regex = parseEventFilterExpression(QStringLiteral("/^user_10[0-9]{2}$/"), &error);
    QVERIFY2(regex, qPrintable(error));
    QVERIFY(regex->matches(subject("participant_joined", "r", Verdict::Valid, {"user_1001"})));
    QVERIFY(!regex->matches(subject("participant_joined", "r", Verdict::Valid, {"user_2001"})));
}

void TestEventFilterExpression::errors_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown verdict") << "verdict:broken"
                                     << "verdict:broken";
    QTest::newRow("event without a value") << "event: alice"
                                           << "\"event:\" needs a value";
    QTest::newRow("room without a value") << "room:,"
                                          << "\"room:,\" needs a value";
    QTest::newRow("verdict without a value") << "verdict:"
                                             << "\"verdict:\" needs a value";
    QTest::newRow("bad regex") << "/([a-z/"
                               << "";
}

void TestEventFilterExpression::errors()
{
    QFETCH(QString, expression);
    QFETCH(QString, mentions);
    QString error;
    QVERIFY(!parseEventFilterExpression(expression, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestEventFilterExpression)
#include "tst_eventfilterexpression.moc"
