#include "events/eventfilter.h"

namespace pnm {

VerdictClass verdictClassOf(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Valid:
        return VerdictClass::Valid;
    case Verdict::Unverified:
        return VerdictClass::Unverified;
    default:
        return VerdictClass::Failed;
    }
}

namespace {

// Splits on spaces, keeping "quoted phrases" together. False when a quote is left open.
bool splitTerms(const QString &text, QStringList *terms)
{
    QString current;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == u'"') {
            quoted = !quoted;
            continue;
        }
        if (c.isSpace() && !quoted) {
            if (!current.isEmpty())
                terms->append(current.toCaseFolded());
            current.clear();
            continue;
        }
        current.append(c);
    }
    if (!current.isEmpty())
        terms->append(current.toCaseFolded());
    return !quoted;
}

void appendIfSet(QStringList *fields, const QString &value)
{
    if (!value.isEmpty())
        fields->append(value);
}

} // namespace

void EventFilter::setText(const QString &text)
{
    m_text = text;
    m_textError.clear();
    m_terms.clear();
    m_foldedUtf8Terms.clear();
    m_matchers.clear();
    m_regex.reset();
    m_fullMask = 0;
    const QString trimmed = text.trimmed();
    if (trimmed.size() >= 2 && trimmed.startsWith(u'/') && trimmed.endsWith(u'/')) {
        QRegularExpression regex(trimmed.mid(1, trimmed.size() - 2),
                                 QRegularExpression::CaseInsensitiveOption);
        if (!regex.isValid()) {
            m_textError = QStringLiteral("Invalid regular expression at %1: %2")
                              .arg(regex.patternErrorOffset())
                              .arg(regex.errorString());
            return;
        }
        m_regex = regex;
        m_fullMask = 1;
        return;
    }
    QStringList terms;
    if (!splitTerms(trimmed, &terms)) {
        m_textError = QStringLiteral("A quoted phrase is not closed");
        return;
    }
    if (terms.size() > kMaxTerms) {
        m_textError = QStringLiteral("At most %1 words").arg(kMaxTerms);
        return;
    }
    m_terms = terms;
    for (const QString &term : std::as_const(m_terms)) {
        m_foldedUtf8Terms.append(term.toUtf8());
        m_matchers.append(QStringMatcher(term, Qt::CaseInsensitive));
    }
    m_fullMask = terms.isEmpty() ? 0 : quint32((quint64(1) << terms.size()) - 1);
}

bool EventFilter::acceptsEventName(QStringView name) const
{
    return m_eventNames.isEmpty() || m_eventNames.contains(name.toString());
}

bool EventFilter::acceptsRoomId(QStringView roomId) const
{
    return m_roomIds.isEmpty() || m_roomIds.contains(roomId.toString());
}

bool EventFilter::acceptsVerdict(Verdict verdict) const
{
    return (m_verdictClasses & int(verdictClassOf(verdict))) != 0;
}

quint32 EventFilter::textMask(QStringView field) const
{
    if (m_regex)
        return m_regex->match(field).hasMatch() ? 1u : 0u;
    quint32 mask = 0;
    for (int i = 0; i < m_matchers.size(); ++i) {
        if (m_matchers.at(i).indexIn(field) >= 0)
            mask |= quint32(1) << i;
    }
    return mask;
}

bool EventFilter::isEmpty() const
{
    return m_eventNames.isEmpty() && m_roomIds.isEmpty() &&
           m_verdictClasses == kAllVerdictClasses && !hasText();
}

bool EventFilter::matches(const EventFilterSubject &subject) const
{
    if (!acceptsEventName(subject.eventName) || !acceptsRoomId(subject.roomId) ||
        !acceptsVerdict(subject.verdict))
        return false;
    if (!isTextValid())
        return false;
    if (m_fullMask == 0)
        return true;
    quint32 mask = 0;
    for (const QString &field : subject.fields)
        mask |= textMask(field);
    return mask == m_fullMask;
}

QStringList EventFilter::searchableFields(const WebhookEvent &event)
{
    QStringList fields;
    appendIfSet(&fields, event.event);
    appendIfSet(&fields, event.id);
    if (event.room) {
        appendIfSet(&fields, event.room->roomId);
        appendIfSet(&fields, event.room->title);
        appendIfSet(&fields, event.room->sid);
    }
    if (event.participant) {
        appendIfSet(&fields, event.participant->identity);
        appendIfSet(&fields, event.participant->name);
        appendIfSet(&fields, event.participant->sid);
        appendIfSet(&fields, event.participant->disconnectReason);
    }
    if (event.track) {
        appendIfSet(&fields, event.track->sid);
        appendIfSet(&fields, event.track->name);
        appendIfSet(&fields, event.track->source);
        appendIfSet(&fields, event.track->mimeType);
    }
    if (event.recording) {
        appendIfSet(&fields, event.recording->recordId);
        appendIfSet(&fields, event.recording->recorderMsg);
        appendIfSet(&fields, event.recording->filePath);
    }
    if (event.artifact) {
        appendIfSet(&fields, event.artifact->type);
        appendIfSet(&fields, event.artifact->artifactId);
        appendIfSet(&fields, event.artifact->userName);
        appendIfSet(&fields, event.artifact->filePath);
    }
    if (event.analytics)
        appendIfSet(&fields, event.analytics->fileId);
    if (event.speechService)
        appendIfSet(&fields, event.speechService->userId);
    if (!event.parseError.isEmpty())
        fields.append(event.parseError);
    return fields;
}

} // namespace pnm
