// Tests KeyRing: KEY:SECRET parsing (split at the first ':') and lookups by issuer
// (protocol.md 3.5).
#include "verify/keyring.h"

#include <QTest>

using namespace pnm;

class TestKeyRing : public QObject
{
    Q_OBJECT

private slots:
    void insertSpec_data();
    void insertSpec();
    void insertSpecWithoutErrorPointer();
    void lookups();
};

void TestKeyRing::insertSpec_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("secret");

    QTest::newRow("plain") << "plugnmeet:zumyyYWqv7KR" << true << "plugnmeet"
                           << QByteArray("zumyyYWqv7KR");
    QTest::newRow("colons-in-secret")
        << "APIkey:se:cr:et:" << true << "APIkey" << QByteArray("se:cr:et:");
    QTest::newRow("secret-only-colon") << "k::" << true << "k" << QByteArray(":");
    QTest::newRow("spaces-kept") << " k : s " << true << " k " << QByteArray(" s ");
    QTest::newRow("utf8") << "clé:sécret" << true << "clé"
                          << QByteArray("s\xc3\xa9"
                                        "cret");
    QTest::newRow("no-colon") << "keysecret" << false << "" << QByteArray();
    QTest::newRow("empty") << "" << false << "" << QByteArray();
    QTest::newRow("only-colon") << ":" << false << "" << QByteArray();
    QTest::newRow("empty-key") << ":secret" << false << "" << QByteArray();
    QTest::newRow("empty-secret") << "key:" << false << "" << QByteArray();
}

void TestKeyRing::insertSpec()
{
    QFETCH(QString, spec);
    QFETCH(bool, ok);
    QFETCH(QString, key);
    QFETCH(QByteArray, secret);

    KeyRing ring;
    QString error = QStringLiteral("untouched");
    QCOMPARE(ring.insertSpec(spec, &error), ok);
    if (ok) {
        QCOMPARE(error, QStringLiteral("untouched"));
        QCOMPARE(ring.size(), 1);
        QVERIFY(ring.contains(key));
        QCOMPARE(ring.secret(key), secret);
        QCOMPARE(ring.keys(), QStringList{key});
    } else {
        QVERIFY(ring.isEmpty());
        QVERIFY(error != QStringLiteral("untouched"));
        QVERIFY(error.contains("KEY:SECRET"));
        // An error message may name the key, never the secret.
        const QString secretPart = spec.section(u':', 1);
        if (!secretPart.isEmpty())
            QVERIFY(!error.contains(secretPart));
    }
}

void TestKeyRing::insertSpecWithoutErrorPointer()
{
    KeyRing ring;
    QVERIFY(!ring.insertSpec(u"nocolon"));
    QVERIFY(ring.insertSpec(u"a:b"));
    QCOMPARE(ring.secret("a"), QByteArray("b"));
}

void TestKeyRing::lookups()
{
    KeyRing ring;
    QVERIFY(ring.isEmpty());
    QCOMPARE(ring.size(), 0);
    QVERIFY(ring.insertSpec(u"alpha:one"));
    QVERIFY(ring.insertSpec(u"beta:two"));
    ring.insert(QStringLiteral("gamma"), QByteArray("th\0ree", 6));
    QCOMPARE(ring.size(), 3);
    QStringList keys = ring.keys();
    keys.sort();
    QCOMPARE(keys, QStringList({"alpha", "beta", "gamma"}));
    QCOMPARE(ring.secret("beta"), QByteArray("two"));
    QCOMPARE(ring.secret("gamma"), QByteArray("th\0ree", 6));
    // Issuers match exactly: API keys are case-sensitive.
    QVERIFY(!ring.contains("Alpha"));
    QVERIFY(ring.secret("Alpha").isEmpty());
    QVERIFY(!ring.contains(""));

    // A later spec for the same key with another secret is refused (a token's issuer selects
    // one secret: the other sender's requests would all fail); the same pair again is fine.
    QString error;
    QVERIFY(!ring.insertSpec(u"alpha:uno", &error));
    QCOMPARE(error, QStringLiteral("key 'alpha' is given twice with different secrets; a token's "
                                   "issuer selects one secret, so give each key once"));
    QCOMPARE(ring.secret("alpha"), QByteArray("one"));
    QVERIFY(ring.insertSpec(u"alpha:one"));
    QCOMPARE(ring.size(), 3);

    ring.remove("beta");
    QVERIFY(!ring.contains("beta"));
    QCOMPARE(ring.size(), 2);

    // A copy is independent (the ingest thread gets its own).
    KeyRing copy = ring;
    copy.remove("alpha");
    QVERIFY(ring.contains("alpha"));
    QVERIFY(!copy.contains("alpha"));
}

QTEST_GUILESS_MAIN(TestKeyRing)
#include "tst_keyring.moc"
