#include "elidedlabel.h"

#include <QEvent>
#include <QFontMetrics>

namespace pnm {

namespace {
// Enough to show that something is there and where it starts: "Recor…sion".
constexpr int kMinimumCharacters = 10;
} // namespace

ElidedLabel::ElidedLabel(QWidget *parent, Qt::TextElideMode mode) : QLabel(parent), m_mode(mode)
{
    setTextFormat(Qt::PlainText);
}

void ElidedLabel::setFullText(const QString &text, const QString &toolTip)
{
    m_fullText = text;
    m_toolTip = toolTip;
    updateGeometry();
    elide();
}

int ElidedLabel::overhead() const
{
    // What the label adds around its text, plus the pixel or two by which its own layout (in
    // fractional advances) may be wider than QFontMetrics' sum, so a text that fits is not cut.
    constexpr int kRounding = 2;
    const QMargins margins = contentsMargins();
    return margins.left() + margins.right() + 2 * margin() + kRounding;
}

QSize ElidedLabel::minimumSizeHint() const
{
    return {QFontMetrics(font()).averageCharWidth() * kMinimumCharacters + overhead(),
            QLabel::minimumSizeHint().height()};
}

QSize ElidedLabel::sizeHint() const
{
    return {QFontMetrics(font()).horizontalAdvance(m_fullText) + overhead(),
            QLabel::sizeHint().height()};
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    elide();
}

void ElidedLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        elide();
}

void ElidedLabel::elide()
{
    // elidedText() measures a little wider than horizontalAdvance(), which sizeHint() uses: a
    // text given exactly its size hint is shown whole rather than asked whether it fits.
    const QFontMetrics metrics(font());
    const int available = width() - overhead();
    const QString shown = metrics.horizontalAdvance(m_fullText) <= available
                              ? m_fullText
                              : metrics.elidedText(m_fullText, m_mode, available);
    if (shown != text())
        setText(shown);
    setToolTip(shown == m_fullText ? m_toolTip : m_fullText);
}

} // namespace pnm
