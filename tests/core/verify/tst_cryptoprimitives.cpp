// Tests the crypto helpers against published known answers (FIPS 180-2, RFC 4231) and the strict
// base64url decoder against every kind of bad input (protocol.md 3.3, RFC 7515 section 2).
#include "verify/cryptoprimitives.h"

#include <QTest>

using namespace pnm;
using crypto::HmacDigest;

class TestCryptoPrimitives : public QObject
{
    Q_OBJECT

private slots:
    void sha256KnownAnswers();
    void hmacKnownAnswers_data();
    void hmacKnownAnswers();
    void hmacWithEmptyKeyAndData();
    void constantTimeEquals();
    void base64UrlRoundTrip();
    void base64UrlDecodeAccepts_data();
    void base64UrlDecodeAccepts();
    void base64UrlDecodeRejects_data();
    void base64UrlDecodeRejects();
};

void TestCryptoPrimitives::sha256KnownAnswers()
{
    QCOMPARE(crypto::sha256("abc").toHex(),
             QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QCOMPARE(crypto::sha256({}).toHex(),
             QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QCOMPARE(crypto::sha256Base64("abc"),
             QStringLiteral("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="));
    const QByteArray million(1000000, 'a');
    QCOMPARE(crypto::sha256(million).toHex(),
             QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
}

// RFC 4231 test cases 1, 2 and 6 (a key longer than the block size).
void TestCryptoPrimitives::hmacKnownAnswers_data()
{
    QTest::addColumn<int>("digest");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("expectedHex");
    const QByteArray key1(20, '\x0b');
    const QByteArray data1("Hi There");
    const QByteArray data2("what do ya want for nothing?");
    const QByteArray key6(131, '\xaa');
    const QByteArray data6("Test Using Larger Than Block-Size Key - Hash Key First");
    QTest::newRow("1-sha256") << int(HmacDigest::Sha256) << key1 << data1
                              << QByteArray("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9"
                                            "376c2e32cff7");
    QTest::newRow("2-sha256") << int(HmacDigest::Sha256) << QByteArray("Jefe") << data2
                              << QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec"
                                            "58b964ec3843");
    QTest::newRow("6-sha256") << int(HmacDigest::Sha256) << key6 << data6
                              << QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546"
                                            "040f0ee37f54");
    QTest::newRow("2-sha384") << int(HmacDigest::Sha384) << QByteArray("Jefe") << data2
                              << QByteArray("af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42e"
                                            "c3736322445e8e2240ca5e69e2c78b3239ecfab21649");
    QTest::newRow("2-sha512") << int(HmacDigest::Sha512) << QByteArray("Jefe") << data2
                              << QByteArray("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd61027"
                                            "0cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a3"
                                            "4d4a6b4b636e070a38bce737");
}

void TestCryptoPrimitives::hmacKnownAnswers()
{
    QFETCH(int, digest);
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, expectedHex);
    QCOMPARE(crypto::hmac(HmacDigest(digest), key, data).toHex(), expectedHex);
    if (HmacDigest(digest) == HmacDigest::Sha256)
        QCOMPARE(crypto::hmacSha256(key, data).toHex(), expectedHex);
}

void TestCryptoPrimitives::hmacWithEmptyKeyAndData()
{
    // HMAC-SHA256 with an empty key over an empty message (a well-known value).
    QCOMPARE(crypto::hmacSha256({}, {}).toHex(),
             QByteArray("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"));
    QCOMPARE(crypto::hmacSha256({}, "x").size(), 32);
    QVERIFY(crypto::hmacSha256("a", "x") != crypto::hmacSha256("b", "x"));
}

void TestCryptoPrimitives::constantTimeEquals()
{
    QVERIFY(crypto::constantTimeEquals({}, {}));
    QVERIFY(crypto::constantTimeEquals("abc", "abc"));
    QVERIFY(!crypto::constantTimeEquals("abc", "abd"));
    QVERIFY(!crypto::constantTimeEquals("abc", "abcd"));
    QVERIFY(!crypto::constantTimeEquals("", "a"));
    QVERIFY(crypto::constantTimeEquals(QByteArray("a\0b", 3), QByteArray("a\0b", 3)));
    QVERIFY(!crypto::constantTimeEquals(QByteArray("a\0b", 3), QByteArray("a\0c", 3)));
}

void TestCryptoPrimitives::base64UrlRoundTrip()
{
    QByteArray data;
    for (int length = 0; length <= 70; ++length) {
        const QByteArray encoded = crypto::base64UrlEncode(data);
        QVERIFY(!encoded.contains('='));
        QVERIFY(!encoded.contains('+'));
        QVERIFY(!encoded.contains('/'));
        QCOMPARE(crypto::base64UrlDecode(encoded), std::optional<QByteArray>(data));
        data.append(char((length * 73 + 251) & 0xFF));
    }
}

void TestCryptoPrimitives::base64UrlDecodeAccepts_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("one-byte") << QByteArray("Zg") << QByteArray("f");
    QTest::newRow("two-bytes") << QByteArray("Zm8") << QByteArray("fo");
    QTest::newRow("three-bytes") << QByteArray("Zm9v") << QByteArray("foo");
    QTest::newRow("url-alphabet") << QByteArray("-_-_") << QByteArray("\xfb\xff\xbf");
    QTest::newRow("jwt-header") << QByteArray("eyJhbGciOiJIUzI1NiJ9")
                                << QByteArray(R"({"alg":"HS256"})");
}

void TestCryptoPrimitives::base64UrlDecodeAccepts()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(crypto::base64UrlDecode(text), std::optional<QByteArray>(expected));
}

void TestCryptoPrimitives::base64UrlDecodeRejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("padding-2") << QByteArray("Zg==");
    QTest::newRow("padding-1") << QByteArray("Zm8=");
    QTest::newRow("padding-only") << QByteArray("====");
    QTest::newRow("plus") << QByteArray("+_-_");
    QTest::newRow("slash") << QByteArray("-/-_");
    QTest::newRow("space") << QByteArray("Zm9 v");
    QTest::newRow("newline") << QByteArray("Zm9v\n");
    QTest::newRow("percent") << QByteArray("%%%");
    QTest::newRow("dot") << QByteArray("Zm.v");
    QTest::newRow("nul") << QByteArray("Zm\0v", 4);
    QTest::newRow("non-ascii") << QByteArray("Zm\xc3\xa9");
    QTest::newRow("dangling-char") << QByteArray("Zm9vY");
    QTest::newRow("single-char") << QByteArray("Z");
    QTest::newRow("nonzero-trailing-bits-2") << QByteArray("Zh");  // "Zg" is canonical
    QTest::newRow("nonzero-trailing-bits-3") << QByteArray("Zm9"); // "Zm8" is canonical
}

void TestCryptoPrimitives::base64UrlDecodeRejects()
{
    QFETCH(QByteArray, text);
    QCOMPARE(crypto::base64UrlDecode(text), std::nullopt);
}

QTEST_GUILESS_MAIN(TestCryptoPrimitives)
#include "tst_cryptoprimitives.moc"
