// A prominent, non-modal message over a view, in the manner of KMessageWidget: an icon, a bold
// title and a sentence of detail, in the palette's tooltip colours (distinct from the window in
// light and dark themes alike, never a hard-coded colour). Hidden until shown. GUI thread.
#pragma once

#include <QFrame>

class QLabel;

namespace pnm {

class MessageBanner : public QFrame
{
    Q_OBJECT
public:
    explicit MessageBanner(QWidget *parent = nullptr);

    QString title() const;
    QString detail() const;

public slots:
    // Shows the banner with an error icon; the words say what is wrong, not the colour.
    void showError(const QString &title, const QString &detail);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateIcon();

    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_detail;
};

} // namespace pnm
