// The rules that decide whether a recorded request is shown: event types, rooms, verdict classes
// and a free-text expression. Pure and thread-agnostic; the GUI's proxy only asks it questions,
// so the rules are tested here once (style.md section 5.3). A value type.
#pragma once

#include "events/webhookevent.h"
#include "verify/verification.h"

#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QStringMatcher>
#include <optional>

namespace pnm {

// How the filter groups verdicts: what an operator asks for ("show me the failures").
enum class VerdictClass : quint8
{
    Valid = 1,
    Failed = 2,
    Unverified = 4
};
VerdictClass verdictClassOf(Verdict verdict);

// What the filter looks at for one request. `fields` are the searchable decoded values.
struct EventFilterSubject
{
    QString eventName;
    QString roomId;
    Verdict verdict = Verdict::Valid;
    QStringList fields;
};

class EventFilter
{
public:
    static constexpr int kAllVerdictClasses = 7;
    static constexpr int kMaxTerms = 32; // one bit per term in a text mask

    // Empty sets accept everything.
    void setEventNames(const QSet<QString> &names) { m_eventNames = names; }
    const QSet<QString> &eventNames() const { return m_eventNames; }
    void setRoomIds(const QSet<QString> &roomIds) { m_roomIds = roomIds; }
    const QSet<QString> &roomIds() const { return m_roomIds; }
    void setVerdictClasses(int mask) { m_verdictClasses = mask & kAllVerdictClasses; }
    int verdictClasses() const { return m_verdictClasses; }

    // Words separated by spaces must all occur (case-insensitive) somewhere in the fields; a
    // "quoted phrase" is one word; text wrapped in slashes (/re/) is a regular expression. An
    // invalid expression matches nothing and is reported through isTextValid()/textError().
    void setText(const QString &text);
    const QString &text() const { return m_text; }
    bool isTextValid() const { return m_textError.isEmpty(); }
    const QString &textError() const { return m_textError; }
    bool hasText() const { return !m_terms.isEmpty() || m_regex.has_value() || !isTextValid(); }

    bool acceptsEventName(QStringView name) const;
    bool acceptsRoomId(QStringView roomId) const;
    bool acceptsVerdict(Verdict verdict) const;
    // Bit i is set when term i occurs in `field`. A subject matches the text when the OR of its
    // fields' masks equals fullTextMask(). Callers with many rows cache masks per distinct field.
    quint32 textMask(QStringView field) const;
    quint32 fullTextMask() const { return m_fullMask; }
    // For callers that keep text case-folded (a million event ids): term i as case-folded UTF-8,
    // and the expression when the text is a /regex/ (then the only term is bit 0).
    const QList<QByteArray> &foldedUtf8Terms() const { return m_foldedUtf8Terms; }
    const std::optional<QRegularExpression> &regex() const { return m_regex; }

    bool isEmpty() const;
    bool matches(const EventFilterSubject &subject) const;

    // The decoded values the free text searches, in a stable order, empty ones left out.
    static QStringList searchableFields(const WebhookEvent &event);

    friend bool operator==(const EventFilter &a, const EventFilter &b)
    {
        return a.m_eventNames == b.m_eventNames && a.m_roomIds == b.m_roomIds &&
               a.m_verdictClasses == b.m_verdictClasses && a.m_text == b.m_text;
    }

private:
    QSet<QString> m_eventNames;
    QSet<QString> m_roomIds;
    int m_verdictClasses = kAllVerdictClasses;
    QString m_text;
    QString m_textError;
    QStringList m_terms; // case-folded
    QList<QByteArray> m_foldedUtf8Terms;
    // One matcher per term, built once per text: a filter asks thousands of fields per change.
    QList<QStringMatcher> m_matchers;
    std::optional<QRegularExpression> m_regex;
    quint32 m_fullMask = 0;
};

} // namespace pnm
