// Hostile text from the network in every part of the console. A real hub (the console's own
// EmbeddedHub on 127.0.0.1) serves a cafe whose staff, products, ingredients and counters have
// names made of markup and bidi controls; the console places orders with hostile customer names,
// notes and reasons, drives them to the toasts, cancels, moves and refuses, and visits every view
// and dialog. Then a hostile hub (core/server) answers the sign-in and every namespace with
// markup in its error messages. After each step the test walks every widget: labels, buttons,
// tooltips (also the item views' own, through a real tooltip event), window titles and message
// boxes must show such text literally (plain text, or escaped inside our markup); no size hint
// blows up; bidi controls inside a name do not reorder the words around it; nothing crashes
// (a rich-text QLabel reads <img src=/dev/zero> until std::bad_alloc).
#include "livehubfixture.h"

#include "connectdialog.h"
#include "countersview.h"
#include "displaymanager.h"
#include "embeddedhub.h"
#include "engineserver.h"
#include "httpexchange.h"
#include "httpresponse.h"
#include "inventoryview.h"
#include "orderqueueview.h"
#include "plaintext.h"
#include "plaintextdelegate.h"
#include "reasondialog.h"
#include "sionamespace.h"
#include "sioserver.h"
#include "stockadjustdialog.h"
#include "timesheetsview.h"
#include "toaststack.h"
#include "webserver.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QFile>
#include <QGlyphRun>
#include <QHeaderView>
#include <QHelpEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextLayout>
#include <QToolButton>
#include <QToolTip>
#include <QWindow>

#include <sys/resource.h>

using namespace TableTap;
using namespace TableTap::TestUi;

namespace {

// Each hostile text carries a marker word of its own (no other hostile text contains it, unless it
// contains that whole text too), so the walk knows which one a widget shows.
struct Hostile
{
    QString marker;
    QString text;
};

const QString Rlo = QString(QChar(0x202E));
const QString Rli = QString(QChar(0x2067));

QString nestedTables(int depth, const QString &inner)
{
    return QStringLiteral("<table><tr><td>").repeated(depth) + inner;
}

// Customer names (at most 100 characters on the hub).
const QList<Hostile> &customers()
{
    static const QList<Hostile> list{
        {"/dev/zero", "<img src=/dev/zero>"},
        {"huge.png", "<img width=99999 height=99999 src=huge.png>"},
        {"deepcustomer", nestedTables(5, "deepcustomer")},
        {"click me", "<a href=\"http://evil.example/\">click me</a>"},
        {"reversed", "Bidi " + Rlo + "reversed" + Rli + " name"},
    };
    return list;
}

const Hostile ManagerName{"Boss", "<b>Boss</b> & [*] " + Rlo + "mgr <img src=/dev/zero>"};
const Hostile EmployeeTable{"deepstaff", nestedTables(5, "deepstaff")};
const Hostile EmployeeHuge{"hugestaff", "<img width=99999 height=99999 src=hugestaff.png>"};
const Hostile EmployeeBidi{"rtlstaff", Rlo + "rtlstaff" + Rli + " Eve"};
const Hostile ProductImg{"zeroproduct", "<img src=/dev/zero>zeroproduct"};
const Hostile ProductHuge{"hugeproduct", "<img width=99999 height=99999 src=x.png>hugeproduct"};
const Hostile ProductTable{"deepproduct", nestedTables(6, "deepproduct")};
const Hostile ProductBidi{"rtlproduct", Rlo + "rtlproduct" + Rli};
const Hostile Customization{"evilshot", "<a href=\"http://evil.example/\">evilshot</a>"};
const Hostile IngredientImg{"zerobeans", "<img src=/dev/zero> zerobeans"};
const Hostile IngredientUnit{"gr4m", "<u>gr4m</u>"};
const Hostile IngredientBidi{"rtlmilk", Rlo + "rtlmilk" + Rli + " <b>oat</b>"};
const Hostile CounterLink{"evilbar", "<a href=\"http://evil.example/\">evilbar</a>"};
const Hostile CounterBidi{"rtlside", Rlo + "rtlside" + Rli};
const Hostile CancelReason{"deepreason", nestedTables(30, "deepreason <img src=/dev/zero>")};
const Hostile StatusNote{"deepnote", nestedTables(30, "deepnote")};
const Hostile MoveReason{"movereason", "<img width=99999 height=99999 src=m.png>movereason"};
const Hostile CounterReason{"closereason", Rlo + "closereason" + Rli + " <a href=x>why</a>"};
const Hostile HubError{"hostilehub", "<img src=/dev/zero>hostilehub " + Rlo + "olleh" + Rli
                                         + nestedTables(8, "x")};
const Hostile HubErrorType{"EVILTYPE", "<a href=\"http://evil.example/\">EVILTYPE</a>"};
const Hostile SignInError{"signinfail", "<img src=/dev/zero>signinfail "
                                            + nestedTables(8, "<img width=99999 height=99999>")};

QList<Hostile> allHostile()
{
    QList<Hostile> all = customers();
    all << ManagerName << EmployeeTable << EmployeeHuge << EmployeeBidi << ProductImg << ProductHuge
        << ProductTable << ProductBidi << Customization << IngredientImg << IngredientUnit
        << IngredientBidi << CounterLink << CounterBidi << CancelReason << StatusNote << MoveReason
        << CounterReason << HubError << HubErrorType << SignInError;
    return all;
}

bool isExplicitBidi(QChar c)
{
    return PlainText::isExplicitBidiControl(c.unicode());
}

// What a reader sees of a text: the characters, without the invisible bidi controls.
QString visible(const QString &text)
{
    QString out;
    for (QChar c : text)
        if (!isExplicitBidi(c))
            out += c;
    return out;
}

// The text Qt shows for a button or action: "&&" is an ampersand, a single '&' marks a mnemonic.
QString withoutMnemonics(const QString &text)
{
    QString out;
    for (int i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'&' && i + 1 < text.size()) {
            ++i;
            if (text.at(i) == u'&') {
                out += u'&';
                continue;
            }
        }
        out += text.at(i);
    }
    return out;
}

// Qt's window title with the "[*]" placeholder resolved, as the window system gets it.
QString shownTitle(const QWidget *w)
{
    return w->windowHandle() ? w->windowHandle()->title() : w->windowTitle();
}

QString renderedHtml(const QString &html)
{
    QTextDocument doc;
    doc.setHtml(html);
    return doc.toPlainText();
}

// Whether the words of one line around the hostile parts keep their order on screen: every
// left-to-right letter outside a hostile span must sit right of the one before it.
bool keepsOrder(const QString &line, const QFont &font, const QList<Hostile> &shown, QString *why)
{
    // Where each hostile text sits in the line, found on the visible characters and widened
    // over the bidi controls (isolates) that hug it.
    QString seen;
    QList<int> at; // index in line of each visible character
    for (int i = 0; i < line.size(); ++i)
        if (!isExplicitBidi(line.at(i))) {
            seen += line.at(i);
            at << i;
        }
    QList<QPair<int, int>> spans; // [start, end) in line
    for (const Hostile &h : shown) {
        const QString v = visible(h.text);
        for (int from = int(seen.indexOf(v)); from >= 0 && !v.isEmpty();
             from = int(seen.indexOf(v, from + 1))) {
            int start = at.at(from);
            int end = at.at(from + int(v.size()) - 1) + 1;
            while (start > 0 && isExplicitBidi(line.at(start - 1)))
                --start;
            while (end < line.size() && isExplicitBidi(line.at(end)))
                ++end;
            spans.append({start, end});
        }
    }
    QTextLayout layout(line, font);
    QTextOption option;
    option.setTextDirection(Qt::LeftToRight);
    layout.setTextOption(option);
    layout.beginLayout();
    QTextLine tl = layout.createLine();
    if (!tl.isValid()) {
        layout.endLayout();
        return true;
    }
    tl.setLineWidth(1e7);
    layout.endLayout();
    // Where each character is drawn (empty for those without a glyph).
    const auto box = [&layout](int i) {
        QRectF r;
        for (const QGlyphRun &run : layout.glyphRuns(i, 1))
            r = r.united(run.boundingRect());
        return r;
    };
    const auto inSpan = [&spans](int i) {
        for (const auto &sp : spans)
            if (i >= sp.first && i < sp.second)
                return true;
        return false;
    };
    const auto describe = [&line](int i) {
        return QStringLiteral("'%1' (at %2)").arg(line.at(i)).arg(i);
    };
    // The left-to-right letters of the words around, with where they are drawn.
    QList<QPair<int, QRectF>> letters;
    for (int i = 0; i < line.size(); ++i)
        if (!inSpan(i) && line.at(i).direction() == QChar::DirL && !box(i).isEmpty())
            letters.append({i, box(i)});
    // They keep their order ...
    for (qsizetype k = 1; k < letters.size(); ++k) {
        if (letters.at(k).second.left() < letters.at(k - 1).second.left()) {
            *why = describe(letters.at(k).first) + QStringLiteral(" is drawn left of ")
                   + describe(letters.at(k - 1).first) + QStringLiteral(" in: ") + line;
            return false;
        }
    }
    // ... and each hostile text stays in its place between them.
    for (const auto &sp : spans) {
        QRectF block;
        for (int i = sp.first; i < sp.second; ++i)
            block = block.united(box(i));
        if (block.isEmpty())
            continue;
        for (const auto &[i, r] : letters) {
            const bool before = i < sp.first;
            if ((before && r.right() > block.left() + 0.5)
                || (!before && r.left() < block.right() - 0.5)) {
                *why = describe(i)
                       + QStringLiteral(" is drawn inside the remote text \"%1\" in: %2")
                             .arg(line.mid(sp.first, sp.second - sp.first), line);
                return false;
            }
        }
    }
    return true;
}

class Walker
{
public:
    QStringList failures;
    int labelsChecked = 0;
    int tooltipsChecked = 0;
    int titlesChecked = 0;
    int buttonsChecked = 0;
    int cellsChecked = 0;

    // Each finding on a line of its own; true when there is none.
    bool report() const
    {
        for (const QString &f : failures)
            qWarning().noquote() << f;
        return failures.isEmpty();
    }

    // Every widget of the application, as it is now.
    void walk(const QString &stage)
    {
        m_stage = stage;
        for (QWidget *w : QApplication::allWidgets()) {
            if (auto *l = qobject_cast<QLabel *>(w))
                checkLabel(l);
            if (auto *b = qobject_cast<QAbstractButton *>(w))
                checkButton(b);
            if (auto *m = qobject_cast<QMessageBox *>(w))
                checkMessageBox(m);
            if (auto *t = qobject_cast<QTextBrowser *>(w))
                checkBrowser(t);
            if (!w->toolTip().isEmpty())
                checkToolTip(w, w->toolTip(), QStringLiteral("tooltip"));
            if (w->isWindow() && w->isVisible())
                checkTitle(w);
            if (w->isVisible()) {
                const QSize hint = w->sizeHint();
                if (hint.width() > MaxHint || hint.height() > MaxHint)
                    fail(w, QStringLiteral("size hint %1×%2").arg(hint.width()).arg(hint.height()));
            }
        }
        for (QWidget *w : QApplication::allWidgets())
            if (auto *v = qobject_cast<QAbstractItemView *>(w);
                v && v->isVisible() && !qobject_cast<QHeaderView *>(v))
                checkItemView(v);
    }

private:
    static constexpr int MaxHint = 4000;

    static QList<Hostile> found(const QString &text)
    {
        QList<Hostile> out;
        const QString v = visible(text);
        for (const Hostile &h : allHostile())
            if (v.contains(h.marker) || text.contains(h.marker))
                out << h;
        return out;
    }

    void fail(const QObject *o, const QString &what)
    {
        failures << QStringLiteral("[%1] %2 %3: %4")
                        .arg(m_stage, QString::fromLatin1(o->metaObject()->className()),
                             o->objectName().isEmpty() ? QStringLiteral("(unnamed)")
                                                       : o->objectName(),
                             what);
    }

    // Plain text must show every hostile text it names whole and literally; rich text must
    // carry it escaped, so that what it renders is the literal text.
    void checkText(const QObject *o, const QString &text, bool rich, const QString &kind,
                   const QFont &font)
    {
        const QList<Hostile> shown = found(text);
        if (shown.isEmpty())
            return;
        QString literal = text;
        if (rich) {
            // Escaped inside our markup; raw, it is markup (and is not rendered here either).
            for (const Hostile &h : shown)
                if (h.text.contains(u'<') && visible(text).contains(visible(h.text))) {
                    fail(o, kind
                                + QStringLiteral(" is rich text with \"%1\" not escaped: %2")
                                      .arg(visible(h.text).left(80), text.left(200)));
                    return;
                }
            literal = renderedHtml(text);
        }
        for (const Hostile &h : shown) {
            if (!visible(literal).contains(visible(h.text)))
                fail(o, kind
                            + QStringLiteral(" does not show \"%1\" literally: %2")
                                  .arg(visible(h.text).left(80), literal.left(200)));
        }
        for (const QString &line : literal.split(u'\n')) {
            QString why;
            if (!keepsOrder(line, font, shown, &why))
                fail(o, kind + QStringLiteral(" reordered by bidi controls: ") + why);
        }
    }

    void checkLabel(QLabel *l)
    {
        const QString text = l->text();
        if (text.isEmpty())
            return;
        ++labelsChecked;
        const bool rich = l->textFormat() == Qt::RichText
                          || (l->textFormat() == Qt::AutoText && Qt::mightBeRichText(text));
        // Our own rich labels hold our markup only; any label naming remote text is checked.
        checkText(l, text, rich, QStringLiteral("label"), l->font());
        // QToolTip's own label is not ours to set; what it holds is checked above.
        if (text.contains(u'<') && l->textFormat() != Qt::PlainText && !found(text).isEmpty()
            && !l->inherits("QTipLabel"))
            fail(l, QStringLiteral("label with '<' and remote text is not Qt::PlainText: ")
                        + text.left(200));
    }

    void checkButton(QAbstractButton *b)
    {
        if (found(b->text()).isEmpty())
            return;
        ++buttonsChecked;
        checkText(b, withoutMnemonics(b->text()), false, QStringLiteral("button"), b->font());
    }

    void checkMessageBox(QMessageBox *m)
    {
        if (found(m->text() + m->informativeText() + m->detailedText()).isEmpty())
            return;
        if (m->textFormat() != Qt::PlainText)
            fail(m, QStringLiteral("message box with remote text is not Qt::PlainText"));
    }

    void checkBrowser(QTextBrowser *t)
    {
        // Our markup with remote text escaped inside: what it shows is the literal text.
        const QString shown = t->document()->toPlainText();
        if (found(shown).isEmpty())
            return;
        ++labelsChecked;
        checkText(t, shown, false, QStringLiteral("document"), t->font());
        for (QTextBlock b = t->document()->begin(); b.isValid(); b = b.next())
            for (auto f = b.begin(); !f.atEnd(); ++f)
                if (f.fragment().charFormat().isImageFormat()
                    || f.fragment().charFormat().isAnchor())
                    fail(t, QStringLiteral("the document holds an image or link: ")
                                + f.fragment().text().left(80));
    }

    void checkToolTip(const QObject *o, const QString &tip, const QString &kind)
    {
        if (found(tip).isEmpty())
            return;
        ++tooltipsChecked;
        // QToolTip takes any text Qt::mightBeRichText likes for HTML.
        checkText(o, tip, Qt::mightBeRichText(tip), kind, QToolTip::font());
    }

    void checkTitle(QWidget *w)
    {
        const QString title = shownTitle(w);
        if (found(w->windowTitle()).isEmpty())
            return;
        ++titlesChecked;
        checkText(w, title, false, QStringLiteral("window title"), QApplication::font());
    }

    void checkItemView(QAbstractItemView *v)
    {
        QAbstractItemModel *m = v->model();
        if (!m)
            return;
        const int rows = qMin(m->rowCount(), 200);
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < m->columnCount(); ++c) {
                const QModelIndex i = m->index(r, c);
                const QString display = i.data(Qt::DisplayRole).toString();
                const QString tip = i.data(Qt::ToolTipRole).toString();
                if (found(display + tip).isEmpty())
                    continue;
                ++cellsChecked;
                if (!qobject_cast<PlainTextDelegate *>(v->itemDelegateForIndex(i)))
                    fail(v, QStringLiteral("cell %1,%2 with remote text is not drawn by the "
                                           "plain text delegate")
                                .arg(r)
                                .arg(c));
                if (!tip.isEmpty())
                    showItemToolTip(v, i);
            }
        }
    }

    // A real tooltip event on the cell, as the mouse resting there makes one.
    void showItemToolTip(QAbstractItemView *v, const QModelIndex &i)
    {
        v->scrollTo(i);
        const QRect rect = v->visualRect(i);
        if (rect.isEmpty())
            return;
        QHelpEvent help(QEvent::ToolTip, rect.center(), v->viewport()->mapToGlobal(rect.center()));
        QCoreApplication::sendEvent(v->viewport(), &help);
        if (!QToolTip::isVisible()) {
            fail(v, QStringLiteral("no tooltip shown for a cell with one"));
            return;
        }
        checkToolTip(v, QToolTip::text(), QStringLiteral("item tooltip"));
        // The tooltip's own label goes through the label check.
        for (QWidget *w : QApplication::topLevelWidgets())
            if (w->inherits("QTipLabel"))
                checkLabel(static_cast<QLabel *>(w));
        QToolTip::hideText();
    }

    QString m_stage;
};

// A hub that answers the sign-in and every namespace with markup in its error messages.
class HostileHub
{
public:
    HostileHub()
        : io(&engine)
    {
        web.mount(&engine);
        web.setHttpHandler("/api/", [](HttpExchange *exchange) {
            const QJsonObject error{{"type", "INVALID_CREDENTIALS"}, {"message", SignInError.text}};
            exchange->respond(HttpResponse::make(
                401, QJsonDocument(QJsonObject{{"error", error}}).toJson(QJsonDocument::Compact),
                "application/json"));
        });
        for (const QString &nsp : ConsoleSession::namespaces())
            io.of(nsp)->use([](SioServerSocket *, const SioNamespace::Next &next) {
                next(HubError.text, QJsonObject{{"type", HubErrorType.text}});
            });
    }
    bool listen() { return web.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(web.serverPort())); }

    WebServer web;
    EngineServer engine;
    SioServer io;
};

QJsonObject menuJson()
{
    const auto line = [](const char *sku, int quantity) {
        return QJsonObject{{"sku", sku}, {"quantity", quantity}};
    };
    const QJsonArray ingredients{QJsonObject{{"sku", "BEAN"},
                                             {"name", IngredientImg.text},
                                             {"unit", IngredientUnit.text},
                                             {"stock", 5000},
                                             {"reorder_level", 1000},
                                             {"max_stock", 10000}},
                                 QJsonObject{{"sku", "MILK"},
                                             {"name", IngredientBidi.text},
                                             {"unit", "ml"},
                                             {"stock", 2000},
                                             {"reorder_level", 500},
                                             {"max_stock", 5000}}};
    const QJsonArray products{
        QJsonObject{{"name", ProductImg.text},
                    {"category", "<i>coffee</i>"},
                    {"price", 3.0},
                    {"recipe", QJsonArray{line("BEAN", 10)}},
                    {"customizations",
                     QJsonArray{QJsonObject{{"name", Customization.text}, {"price", 0.5}}}}},
        QJsonObject{
            {"name", ProductHuge.text}, {"price", 2.0}, {"recipe", QJsonArray{line("MILK", 10)}}},
        QJsonObject{{"name", ProductTable.text}, {"price", 1.0}},
        QJsonObject{{"name", ProductBidi.text}, {"price", 1.5}}};
    return QJsonObject{{"format", "tabletap-menu"},
                       {"version", 1},
                       {"ingredients", ingredients},
                       {"products", products}};
}

// The cafe of hostile names, in a folder the console's own hub may serve.
void makeHostileCafe(const LiveHub &data)
{
    const QString dir = data.dir.filePath("hub");
    FolderAdmin admin(dir);
    admin.addCafe({"c1", "<img src=/dev/zero>", menuJson(),
                   QStringList{"Counter 1", CounterLink.text, CounterBidi.text}});
    const auto staff = [&](const QString &code, const QString &name, HubRole role) {
        admin.addStaff("c1", code, name, role, "4321", 2000);
    };
    staff("M1", ManagerName.text, HubRole::Manager);
    staff("E1", EmployeeTable.text, HubRole::Employee);
    staff("E2", EmployeeHuge.text, HubRole::Employee);
    staff("E3", EmployeeBidi.text, HubRole::Employee);
}

QString orderOf(ConsoleSession &session, const QString &customer)
{
    for (const Order &o : session.orders()->rows())
        if (o.customerName == customer)
            return o.id;
    return {};
}

// Lets batches, layouts and paints happen, so rich text would be laid out (and its images
// loaded) now rather than later.
void settle(MainWindow &window)
{
    ConsoleSession *s = window.session();
    for (BatchedTableModel *m : std::initializer_list<BatchedTableModel *>{
             s->orders(), s->counters(), s->inventory(), s->alerts(), s->timesheets(),
             s->payments(), s->outbox()})
        m->flush();
    QTest::qWait(50);
    for (QWidget *w : QApplication::topLevelWidgets())
        if (w->isVisible())
            w->grab();
}

// Closes a dialog the way Cancel does; dialogs opened with WA_DeleteOnClose go by themselves.
void closeDialog(QDialog *dialog)
{
    QPointer<QDialog> guard(dialog);
    dialog->reject();
    QTest::qWait(0);
    delete guard.data();
}

// Shows each view of the window in turn and walks it.
void walkViews(MainWindow &window, Walker &walker, const QString &stage)
{
    for (int t = 0; t < window.tabs()->count(); ++t) {
        window.showView(t);
        settle(window);
        walker.walk(stage + QLatin1Char(' ') + window.tabs()->tabText(t));
    }
}

// Opens the dialog a view's button opens for each row of its table, and walks it.
template<typename Dialog>
bool walkRowDialogs(QWidget *view, QTableView *table, const char *button, MainWindow &window,
                    Walker &walker)
{
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        table->setCurrentIndex(table->model()->index(r, 0));
        view->findChild<QPushButton *>(QLatin1String(button))->click();
        auto *dialog = view->findChild<Dialog *>();
        if (!dialog)
            return false;
        settle(window);
        walker.walk(QStringLiteral("%1 dialog of row %2").arg(QLatin1String(button)).arg(r));
        closeDialog(dialog);
    }
    return true;
}

} // namespace

class tst_HostileText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void plainTextHelper();
    void readyToastShowsMarkupLiterally();
    void walksTheConsoleWithHostileNames();
    void hostileHubErrors();
};

void tst_HostileText::plainTextHelper()
{
    // Bidi controls go; right-to-left text keeps its direction inside an isolate.
    QCOMPARE(PlainText::display("plain name"), QString("plain name"));
    QCOMPARE(PlainText::display("a" + Rlo + "b" + Rli + "c" + QChar(0x202C)), QString("abc"));
    const QString hebrew = QString::fromUtf8("\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d 42");
    QCOMPARE(PlainText::display(hebrew), QChar(0x2068) + hebrew + QChar(0x2069));
    const QString phoenician = QString::fromUcs4(U"\U00010900\U00010901");
    QCOMPARE(PlainText::display(phoenician), QChar(0x2068) + phoenician + QChar(0x2069));
    QCOMPARE(PlainText::neutralised(Rlo + hebrew), hebrew);
    // The checker of this test sees what bidi controls do, and that the helper undoes it.
    const Hostile reversed{"reversed", Rlo + "reversed" + Rli};
    const Hostile rtl{"42", hebrew};
    QString why;
    QVERIFY(!keepsOrder("for " + reversed.text + " at Counter 1", QApplication::font(), {reversed},
                        &why));
    QVERIFY2(keepsOrder("for " + PlainText::display(reversed.text) + " at Counter 1",
                        QApplication::font(), {reversed}, &why),
             qPrintable(why));
    QVERIFY2(keepsOrder("for " + PlainText::display(hebrew) + " at Counter 1", QApplication::font(),
                        {rtl}, &why),
             qPrintable(why));

    // Markup is escaped for our markup, and shown literally in tooltips.
    QCOMPARE(PlainText::escaped("<img src=x> & \"q\""),
             QString("&lt;img src=x&gt; &amp; &quot;q&quot;"));
    const QString tip = PlainText::toolTip("<img src=/dev/zero> & <b>x</b>");
    QVERIFY(Qt::mightBeRichText(tip));
    QCOMPARE(renderedHtml(tip), QString("<img src=/dev/zero> & <b>x</b>"));
    QVERIFY(PlainText::toolTip(QString()).isEmpty());

    // Mnemonics and the window title placeholder show as typed.
    QCOMPARE(withoutMnemonics("&Recall " + PlainText::mnemonicSafe("Tom & Jerry")),
             QString("Recall Tom & Jerry"));
    QWidget w;
    w.setWindowTitle(PlainText::windowTitle("Boss [*] and [*][*]" + Rlo));
    w.winId();
    QCOMPARE(shownTitle(&w), QString("Boss [*] and [*][*]"));

    // A plain label: never rich, whatever its text looks like.
    QWidget parent;
    QLabel *l = PlainText::label("<img src=/dev/zero>" + Rlo, &parent);
    QCOMPARE(l->textFormat(), Qt::PlainText);
    QCOMPARE(l->text(), QString("<img src=/dev/zero>"));
    QVERIFY(l->sizeHint().width() < 1000);
}

void tst_HostileText::readyToastShowsMarkupLiterally()
{
    // The report: a customer called <img src=/dev/zero> reaching the "order is ready" toast
    // made its QLabel read /dev/zero until std::bad_alloc ended the console.
    LiveHub hub;
    QVERIFY(hub.start());
    Console console;
    QVERIFY(console.signIn(hub, "E1", "1234"));
    ConsoleSession &session = console.session;
    const QString customer = customers().at(0).text;
    const QString id = createOrder(session, customer);
    QVERIFY(!id.isEmpty());
    session.advanceOrder(id);
    QTRY_COMPARE_WITH_TIMEOUT(session.orders()->order(id)->status, OrderStatus::Preparing, Wait);
    session.advanceOrder(id);
    QTRY_COMPARE_WITH_TIMEOUT(session.orders()->order(id)->status, OrderStatus::Ready, Wait);
    QTRY_VERIFY_WITH_TIMEOUT(console.window.toasts()->texts().join(' ').contains(customer), Wait);
    settle(console.window);
    const auto bodies = console.window.toasts()->findChildren<QLabel *>("toastText");
    QVERIFY(!bodies.isEmpty());
    QCOMPARE(bodies.first()->textFormat(), Qt::PlainText);
    QVERIFY(bodies.first()->text().contains(customer));
    QVERIFY(bodies.first()->sizeHint().width() < 1000);
}

void tst_HostileText::walksTheConsoleWithHostileNames()
{
    LiveHub data(false);
    makeHostileCafe(data);
    markAsDemo(data.dir.filePath("hub"), EmbeddedHub::demoMarkerName());
    EmbeddedHub::Options options;
    options.dataDir = data.dir.filePath("hub");
    options.simulate = false;
    EmbeddedHub hub(options);
    QString error;
    QVERIFY2(hub.startHub(&error), qPrintable(error));

    HubSession session;
    fastReconnect(session);
    ConsoleSettings settings;
    MainWindow window(&session, &settings);
    window.setHubControl(&hub);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    session.signIn(hub.url(), "c1", "M1", "4321");
    QTRY_VERIFY_WITH_TIMEOUT(
        session.liveness() == ConsoleSession::Liveness::Live && session.menu().size() == 4, Wait);
    QCOMPARE(session.identity().name, ManagerName.text);
    Walker walker;
    // The counter display shows the same names, items, notes and reasons on its tiles, flashes
    // and banner: open for every walk below.
    QVERIFY(window.displays()->openDisplay(0));
    settle(window);
    walker.walk("signed in");

    // Orders with every hostile customer name, hostile items and customizations.
    for (int n = 0; n < customers().size(); ++n) {
        const Hostile &c = customers().at(n);
        const int product = n % 4;
        QJsonObject extra{{"notes", StatusNote.text}};
        if (product == 0)
            extra.insert("items", QJsonArray{QJsonObject{
                                      {"product_id", session.menu().at(0).id},
                                      {"quantity", 2},
                                      {"customizations", QJsonArray{Customization.text}}}});
        QVERIFY2(!createOrder(session, c.text, extra, product).isEmpty(), qPrintable(c.marker));
    }
    // One taken by a hostile employee for another (a proxy order).
    QString otherId;
    for (const StaffShift &s : session.timesheets()->rows())
        if (s.name == EmployeeBidi.text)
            otherId = s.userId;
    QVERIFY(!otherId.isEmpty());
    // The employees on consoles of their own, signed in one after the other: the hub checks one
    // sign-in per address at a time and answers another meanwhile with 429.
    const auto e1 = std::make_unique<HubSession>();
    const auto e3 = std::make_unique<HubSession>();
    e1->signIn(hub.url(), "c1", "E1", "4321");
    QTRY_VERIFY_WITH_TIMEOUT(e1->liveness() == ConsoleSession::Liveness::Live, Wait);
    e3->signIn(hub.url(), "c1", "E3", "4321");
    QTRY_VERIFY_WITH_TIMEOUT(e3->liveness() == ConsoleSession::Liveness::Live, Wait);
    QJsonObject line;
    line.insert("product_id", session.menu().at(2).id);
    line.insert("quantity", 1);
    QJsonObject proxyOrder;
    proxyOrder.insert("customer_name", QString("Proxy " + EmployeeBidi.marker));
    proxyOrder.insert("ordered_for", otherId);
    proxyOrder.insert("items", QJsonArray{line});
    e1->sendCommand("/orders", "create_order", proxyOrder, "proxy order");
    QTRY_VERIFY_WITH_TIMEOUT(!orderOf(session, "Proxy " + EmployeeBidi.marker).isEmpty(), Wait);
    settle(window);
    walker.walk("orders placed");

    // The manager's cancel and move dialogs name the customer and the counter.
    for (const Hostile &c : {customers().at(0), customers().at(4)}) {
        window.queueView()->selectOrder(orderOf(session, c.text));
        for (QAction *a :
             {window.queueView()->cancelAction(), window.queueView()->reassignAction()}) {
            QTRY_VERIFY_WITH_TIMEOUT(a->isEnabled(), Wait);
            a->trigger();
            auto *dialog = window.queueView()->findChild<ReasonDialog *>();
            QVERIFY(dialog);
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            settle(window);
            walker.walk("dialog " + dialog->windowTitle() + " " + c.marker);
            closeDialog(dialog);
        }
    }

    // The order of <img src=/dev/zero> becomes ready: the toast that crashed the console.
    const QString zero = orderOf(session, customers().at(0).text);
    session.advanceOrder(zero);
    QTRY_COMPARE_WITH_TIMEOUT(session.orders()->order(zero)->status, OrderStatus::Preparing, Wait);
    session.advanceOrder(zero);
    QTRY_COMPARE_WITH_TIMEOUT(session.orders()->order(zero)->status, OrderStatus::Ready, Wait);
    QTRY_VERIFY_WITH_TIMEOUT(window.toasts()->texts().join(' ').contains("/dev/zero"), Wait);
    settle(window);
    walker.walk("order ready toast");

    // Every other customer's order ready too, so each name meets the toast: each on a row of its
    // own (a ready toast still on screen folds the next into "2 orders ready", numbers only).
    for (int i = 1; i < customers().size(); ++i) {
        window.toasts()->dismissAll();
        const QString id = orderOf(session, customers().at(i).text);
        session.setOrderStatus(id, OrderStatus::Preparing, StatusNote.text);
        QTRY_COMPARE_WITH_TIMEOUT(session.orders()->order(id)->status, OrderStatus::Preparing,
                                  Wait);
        session.advanceOrder(id);
        QTRY_COMPARE_WITH_TIMEOUT(session.orders()->order(id)->status, OrderStatus::Ready, Wait);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.toasts()->texts().join(' ').contains(customers().at(i).marker), Wait);
        settle(window);
        walker.walk("ready: " + customers().at(i).marker);
    }

    // Cancels and moves with hostile reasons; a refusal whose message echoes hostile text.
    const QString proxy = orderOf(session, "Proxy " + EmployeeBidi.marker);
    session.reassignOrder(proxy, CounterLink.text, MoveReason.text);
    QTRY_COMPARE_WITH_TIMEOUT(lastEntry(session, "assign_counter")->state, OutboxEntry::State::Done,
                              Wait);
    session.reassignOrder(proxy, customers().at(0).text, "to nowhere");
    QTRY_COMPARE_WITH_TIMEOUT(lastEntry(session, "assign_counter")->state,
                              OutboxEntry::State::Refused, Wait);
    QVERIFY(lastEntry(session, "assign_counter")->message.contains("/dev/zero"));
    session.cancelOrder(proxy, CancelReason.text);
    QTRY_COMPARE_WITH_TIMEOUT(session.orders()->order(proxy)->status, OrderStatus::Cancelled, Wait);
    settle(window);
    walker.walk("cancelled and refused");

    // Counters out of service with a hostile reason; the queue follows a hostile counter.
    session.setCounterStatus(CounterBidi.text, false, CounterReason.text);
    QTRY_COMPARE_WITH_TIMEOUT(lastEntry(session, "set_counter_status")->state,
                              OutboxEntry::State::Done, Wait);
    window.queueView()->setCounterFilter(CounterLink.text);

    // Staff clock in; stock runs low and out (alerts name hostile items and products).
    session.clockIn(MoveReason.text);
    e1->clockIn({});
    e3->clockIn(CounterReason.text);
    QTRY_VERIFY_WITH_TIMEOUT(session.timesheets()->clockedInCount() == 3, Wait);
    QString milk, beans;
    double beansLeft = 0;
    for (const StockItem &s : session.inventory()->rows()) {
        if (s.name == IngredientBidi.text)
            milk = s.id;
        if (s.name == IngredientImg.text) {
            beans = s.id;
            beansLeft = s.stock;
        }
    }
    QVERIFY(!milk.isEmpty() && beansLeft > 0);
    session.adjustStock(milk, "waste", 1600, MoveReason.text);
    session.adjustStock(beans, "waste", beansLeft, CancelReason.text);
    QTRY_VERIFY_WITH_TIMEOUT(session.alerts()->rowCount() >= 2, Wait);
    // A QR payment for the panel.
    session.startPayment(orderOf(session, customers().at(3).text), "qr");
    QTRY_VERIFY_WITH_TIMEOUT(session.payments()->latestOpenQr() != nullptr, Wait);
    settle(window);
    walker.walk("alerts and payments");

    // Every view, and every dialog that names remote text.
    walkViews(window, walker, "view");
    window.showView(0);
    window.queueView()->setCounterFilter({});
    for (const Hostile &c : customers()) {
        window.queueView()->selectOrder(orderOf(session, c.text));
        settle(window);
        walker.walk("details of " + c.marker);
    }
    window.showView(1);
    QVERIFY(walkRowDialogs<ReasonDialog>(window.countersView(), window.countersView()->table(),
                                         "counterToggle", window, walker));
    window.showView(2);
    QVERIFY(walkRowDialogs<StockAdjustDialog>(window.inventoryView(),
                                              window.inventoryView()->stockTable(), "adjustButton",
                                              window, walker));
    window.showView(3);
    window.timesheetsView()->findChild<QPushButton *>("recordDrink")->click();
    settle(window);
    walker.walk("drink dialog");
    for (QDialog *d : window.findChildren<QDialog *>())
        closeDialog(d);

    QVERIFY2(walker.report(),
             qPrintable(QStringLiteral("%1 findings (above)").arg(walker.failures.size())));
    // The walk saw the hostile text where it should be.
    QVERIFY(walker.labelsChecked > 20);
    QVERIFY(walker.titlesChecked > 0);
    QVERIFY(walker.tooltipsChecked > 0);
    QVERIFY(walker.cellsChecked > 20);
    qInfo("checked %d labels, %d tooltips, %d window titles, %d buttons, %d cells",
          walker.labelsChecked, walker.tooltipsChecked, walker.titlesChecked, walker.buttonsChecked,
          walker.cellsChecked);
}

void tst_HostileText::hostileHubErrors()
{
    HostileHub evil;
    QVERIFY(evil.listen());
    HubSession session;
    fastReconnect(session);
    ConsoleSettings settings;
    MainWindow window(&session, &settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Walker walker;

    // Sign-in refused with markup: the connect dialog shows the hub's message.
    window.showConnectDialog();
    auto *dialog = window.findChild<ConnectDialog *>();
    QVERIFY(dialog);
    auto *hubField = dialog->findChild<QLineEdit *>("hub");
    hubField->setText(evil.url().toString());
    dialog->findChild<QLineEdit *>("code")->setText("M1");
    dialog->findChild<QLineEdit *>("pin")->setText("1234");
    dialog->findChild<QPushButton *>("connectButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->errorText().contains("signinfail"), Wait);
    settle(window);
    walker.walk("sign-in refused");
    closeDialog(dialog);

    // Every namespace refused with markup in the message and its type.
    session.connectWithToken(evil.url(), token("manager", "u-1", ManagerName.text, "c1"));
    QTRY_COMPARE_WITH_TIMEOUT(session.liveness(), ConsoleSession::Liveness::Refused, Wait);
    settle(window);
    walker.walk("namespaces refused");
    walkViews(window, walker, "refused, view");
    QVERIFY2(walker.report(),
             qPrintable(QStringLiteral("%1 findings (above)").arg(walker.failures.size())));
    qInfo("checked %d labels, %d tooltips, %d window titles", walker.labelsChecked,
          walker.tooltipsChecked, walker.titlesChecked);
    QVERIFY(walker.labelsChecked > 3);
    QVERIFY(walker.titlesChecked > 0);
}

int main(int argc, char *argv[])
{
#if !defined(__SANITIZE_ADDRESS__)
    // A regression reads /dev/zero into memory: let it fail fast with std::bad_alloc instead of
    // taking the machine's memory first (ASan reserves far more address space, so not there).
    const rlim_t limit = rlim_t(4) << 30;
    rlimit rl{limit, limit};
    setrlimit(RLIMIT_AS, &rl);
#endif
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit());
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("TableTapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_HostileText"));
    tst_HostileText tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_hostiletext.moc"
