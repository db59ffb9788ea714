// A one-line label that gives up width before the window does: when there is not room for its
// whole text it shows the text elided (in the middle by default, where a path's least telling
// part is) and offers the whole of it as the tooltip. A QLabel's minimum width is its whole
// text's, so one long session path in the status bar made the window wider than a laptop's
// screen. GUI thread.
#pragma once

#include <QLabel>

namespace pnm {

class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr, Qt::TextElideMode mode = Qt::ElideMiddle);

    // The whole text; text() is what fits. `toolTip` is shown when nothing is elided (the whole
    // text replaces it when something is).
    void setFullText(const QString &text, const QString &toolTip = QString());
    QString fullText() const { return m_fullText; }

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void elide();
    int overhead() const;

    QString m_fullText;
    QString m_toolTip;
    Qt::TextElideMode m_mode;
};

} // namespace pnm
