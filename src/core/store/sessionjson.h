// One recorded request as an object of the JSON session format (docs/session-format.md,
// version 1), both ways. Used by the JSON and NDJSON exports and imports. Stateless; any thread.
#pragma once

#include "ingest/recordedrequest.h"

#include <QJsonObject>
#include <optional>

namespace pnm {

class SessionJson
{
public:
    static constexpr int kVersion = 1;
    static constexpr char kFormatName[] = "pnm-webhook-session";

    // One request as compact JSON text, its members in QJsonObject's (sorted) order: the text
    // QJsonDocument gives for the same object, written directly (exports of a million requests).
    static QByteArray toJsonText(const RecordedRequest &request);
    // Reads the fields the format defines; false with *error naming the first bad field (the
    // caller adds the file and place). The event is decoded from the body; the verification
    // is the one written in the file, to be re-checked by the importer when keys are known.
    static bool fromJson(const QJsonObject &json, RecordedRequest *request, QString *error);

    // RFC 3339 UTC with milliseconds: "2026-05-01T12:00:00.123Z".
    static QString formatTime(qint64 unixMs);
    // Accepts RFC 3339 with any offset; false when it is not one (a time without an offset
    // would be read in this machine's time zone).
    static bool parseTime(const QString &text, qint64 *unixMs);
    // Body text and whether it had to be base64 (bytes that are not valid UTF-8).
    static QString bodyText(const QByteArray &body, bool *base64);
    // The verification summary as written (status, issuer, token source, detail) turned back
    // into a Verification whose summary is the same; nullopt with *error when the value is not
    // such a summary or names a status this program does not know.
    static std::optional<Verification> verificationFromSummary(const QJsonValue &summary,
                                                               QString *error);
    // A JSON number that is a whole number within [min, max]; nullopt otherwise.
    static std::optional<qint64> wholeNumber(const QJsonValue &value, qint64 min, qint64 max);
};

} // namespace pnm
