// Writes seed corpora for the fuzz targets from the shared vectors: whole raw requests for the
// HTTP parser, header lines + NUL + body for the verifier, bodies for the decoder.
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace {
bool writeSeed(const QString &folder, const QByteArray &bytes)
{
    QDir().mkpath(folder);
    const QString name = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex());
    QFile file(folder + '/' + name);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: pnm_fuzz_seeds VECTORS.json OUTPUT_DIR\n");
        return 2;
    }
    QFile vectors(QString::fromLocal8Bit(argv[1]));
    if (!vectors.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    const QString out = QString::fromLocal8Bit(argv[2]);
    int written = 0;
    for (const QJsonValue &value : QJsonDocument::fromJson(vectors.readAll()).array()) {
        const QJsonObject vector = value.toObject();
        const QByteArray body = vector.value("body").toString().toUtf8();
        QByteArray headerLines;
        const QJsonObject headers = vector.value("headers").toObject();
        for (auto it = headers.begin(); it != headers.end(); ++it)
            headerLines += it.key().toUtf8() + ": " + it.value().toString().toUtf8() + '\n';
        const QByteArray request = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                   + QByteArray(headerLines).replace("\n", "\r\n") + "\r\n" + body;
        const char chunkSeed = char(written & 0xff);
        written += writeSeed(out + "/httpparser", chunkSeed + request);
        written += writeSeed(out + "/verifier", headerLines + '\0' + body);
        written += writeSeed(out + "/decoder", body);
    }
    std::printf("wrote %d seeds under %s\n", written, qPrintable(out));
    return written > 0 ? 0 : 1;
}
