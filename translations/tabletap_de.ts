<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>TableTap::AllDayModel</name>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>In Zubereitung</translation>
    </message>
</context>
<context>
    <name>TableTap::CafeSettingsView</name>
    <message>
        <source>Tax rate</source>
        <translation>Steuersatz</translation>
    </message>
    <message>
        <source>Tip suggestions</source>
        <translation>Trinkgeldvorschläge</translation>
    </message>
    <message>
        <source>Preparation time</source>
        <translation>Zubereitungszeit</translation>
    </message>
    <message>
        <source>Added per waiting order</source>
        <translation>Zuschlag je wartender Bestellung</translation>
    </message>
    <message>
        <source>Stock update interval</source>
        <translation>Intervall der Bestandsmeldungen</translation>
    </message>
    <message>
        <source>Staff drinks a month</source>
        <translation>Personalgetränke im Monat</translation>
    </message>
    <message>
        <source>QR code valid for</source>
        <translation>QR-Code gültig für</translation>
    </message>
    <message>
        <source>Recall window</source>
        <translation>Rücknahmefenster</translation>
    </message>
    <message>
        <source>Order waiting long after</source>
        <translation>Bestellung wartet lange nach</translation>
    </message>
    <message>
        <source>Order late after</source>
        <translation>Bestellung verspätet nach</translation>
    </message>
    <message>
        <source>Business day starts at</source>
        <translation>Geschäftstag beginnt um</translation>
    </message>
    <message>
        <source>Break needed after</source>
        <translation>Pause nötig nach</translation>
    </message>
    <message>
        <source>Shortest break that counts</source>
        <translation>Kürzeste zählende Pause</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>min</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>drinks</source>
        <translation>Getränke</translation>
    </message>
    <message>
        <source>%1 to %2 %3</source>
        <translation>%1 bis %2 %3</translation>
    </message>
    <message>
        <source>fraction, 0 to %1 (0.0825 = 8.25 %)</source>
        <translation>Anteil, 0 bis %1 (0.0825 = 8,25 %)</translation>
    </message>
    <message>
        <source>up to %1 fractions, comma-separated (0.15 = 15 %)</source>
        <translation>bis zu %1 Anteile, durch Kommas getrennt (0.15 = 15 %)</translation>
    </message>
    <message>
        <source>HH:MM, cafe time; before it, it is still the day before</source>
        <translation>HH:MM, Ortszeit des Cafés; davor zählt noch der Vortag</translation>
    </message>
    <message>
        <source>IANA zone, e.g. Europe/Berlin, or UTC</source>
        <translation>IANA-Zone, z. B. Europe/Berlin, oder UTC</translation>
    </message>
    <message>
        <source>ISO 4217 code, e.g. EUR</source>
        <translation>ISO-4217-Code, z. B. EUR</translation>
    </message>
    <message>
        <source>Save setti&amp;ngs</source>
        <translation>Einstellungen speiche&amp;rn</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>Verwer&amp;fen</translation>
    </message>
    <message>
        <source>Save stoc&amp;k levels</source>
        <translation>Bestandsgre&amp;nzen speichern</translation>
    </message>
    <message>
        <source>Cafe settings</source>
        <translation>Café-Einstellungen</translation>
    </message>
    <message>
        <source>Low-stock levels</source>
        <translation>Bestandsgrenzen</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Reorder below</source>
        <translation>Nachbestellen unter</translation>
    </message>
    <message>
        <source>Fill up to</source>
        <translation>Auffüllen bis</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Settings changes</source>
        <translation>Änderungen der Einstellungen</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Old → new</source>
        <translation>Alt → neu</translation>
    </message>
    <message>
        <source>Live events only: this server offers no settings. The cafe&apos;s settings can be changed here with the Table Tap hub.</source>
        <translation>Nur Live-Ereignisse: Dieser Server bietet keine Einstellungen. Die Einstellungen des Cafés lassen sich hier mit dem Table-Tap-Hub ändern.</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Nichts geändert.</translation>
    </message>
    <message>
        <source>Not saved: correct the marked fields.</source>
        <translation>Nicht gespeichert: Bitte die markierten Felder korrigieren.</translation>
    </message>
    <message>
        <source>Saving: %1…</source>
        <translation>Wird gespeichert: %1…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Stock levels saved.</source>
        <translation>Bestandsgrenzen gespeichert.</translation>
    </message>
    <message>
        <source>Below this the item is low (0: never)</source>
        <translation>Darunter ist der Artikel knapp (0: nie)</translation>
    </message>
    <message>
        <source>What a reorder fills up to</source>
        <translation>Bis hierhin füllt eine Nachbestellung auf</translation>
    </message>
    <message>
        <source>%1: reorder_level must be a whole number, 0 or more</source>
        <translation>%1: reorder_level muss eine ganze Zahl ab 0 sein</translation>
    </message>
    <message>
        <source>%1: max_stock must be a whole number, 1 or more</source>
        <translation>%1: max_stock muss eine ganze Zahl ab 1 sein</translation>
    </message>
    <message>
        <source>%1: max_stock must be at least reorder_level (%2)</source>
        <translation>%1: max_stock muss mindestens reorder_level (%2) sein</translation>
    </message>
    <message>
        <source>No stock level changed.</source>
        <translation>Keine Bestandsgrenze geändert.</translation>
    </message>
    <message numerus="yes">
        <source>Saving %n stock level(s)…</source>
        <translation>
            <numerusform>%n Bestandsgrenze wird gespeichert…</numerusform>
            <numerusform>%n Bestandsgrenzen werden gespeichert…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>TableTap::ChainView</name>
    <message>
        <source>Open console</source>
        <translation>Konsole öffnen</translation>
    </message>
    <message>
        <source>Opens the selected cafe&apos;s console in a window of its own, signed in as an admin of that cafe</source>
        <translation>Öffnet die Konsole des gewählten Cafés in einem eigenen Fenster, angemeldet als Admin dieses Cafés</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Cafe</source>
        <translation>Café</translation>
    </message>
    <message>
        <source>Business date</source>
        <translation>Geschäftstag</translation>
    </message>
    <message>
        <source>Orders today</source>
        <translation>Bestellungen heute</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation>Offene Bestellungen</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Verspätet</translation>
    </message>
    <message>
        <source>Stock alerts</source>
        <translation>Lagerwarnungen</translation>
    </message>
    <message>
        <source>Staff in</source>
        <translation>Personal anwesend</translation>
    </message>
    <message>
        <source>Cafes of this hub</source>
        <translation>Cafés dieses Hubs</translation>
    </message>
    <message>
        <source>the hub did not answer: %1</source>
        <translation>der Hub hat nicht geantwortet: %1</translation>
    </message>
    <message numerus="yes">
        <source>Total (%n cafe(s))</source>
        <translation>
            <numerusform>Summe (%n Café)</numerusform>
            <numerusform>Summe (%n Cafés)</numerusform>
        </translation>
    </message>
    <message>
        <source>mixed currencies</source>
        <translation>verschiedene Währungen</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Last refreshed %1 (every 30 seconds)</source>
        <translation>Zuletzt aktualisiert %1 (alle 30 Sekunden)</translation>
    </message>
    <message>
        <source>Not refreshed yet</source>
        <translation>Noch nicht aktualisiert</translation>
    </message>
</context>
<context>
    <name>TableTap::ClockOutDialog</name>
    <message>
        <source>Clock out</source>
        <translation>Ausstempeln</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>&amp;Break taken:</source>
        <translation>&amp;Pause:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
</context>
<context>
    <name>TableTap::ConnectDialog</name>
    <message>
        <source>Connect to a Table Tap hub</source>
        <translation>Mit einem Table-Tap-Hub verbinden</translation>
    </message>
    <message>
        <source>optional when the hub serves one cafe</source>
        <translation>optional, wenn der Hub nur ein Café bedient</translation>
    </message>
    <message>
        <source>Paste the access token (a JWT) here</source>
        <translation>Zugangstoken (ein JWT) hier einfügen</translation>
    </message>
    <message>
        <source>&amp;Hub address:</source>
        <translation>&amp;Hub-Adresse:</translation>
    </message>
    <message>
        <source>C&amp;afe:</source>
        <translation>C&amp;afé:</translation>
    </message>
    <message>
        <source>&amp;Employee code:</source>
        <translation>&amp;Mitarbeitercode:</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>A&amp;nmelden</translation>
    </message>
    <message>
        <source>Hub a&amp;ddress:</source>
        <translation>Hub-A&amp;dresse:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Start a hub on this computer (demo cafe)</source>
        <translation>Hub auf diesem Rechner starten (Demo-Café)</translation>
    </message>
    <message>
        <source>Runs the in-store hub inside the console with the simulator and signs in to it as a manager</source>
        <translation>Startet den Filial-Hub in der Konsole mit dem Simulator und meldet sich dort als Filialleitung an</translation>
    </message>
    <message>
        <source>The hub&apos;s token does not name a user and a cafe.</source>
        <translation>Das Token des Hubs nennt keinen Benutzer und kein Café.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Enter the hub&apos;s address, like http://cafe-pc:3000.</source>
        <translation>Bitte die Adresse des Hubs eingeben, etwa http://cafe-pc:3000.</translation>
    </message>
    <message>
        <source>Enter your employee code and PIN.</source>
        <translation>Bitte Mitarbeitercode und PIN eingeben.</translation>
    </message>
    <message>
        <source>That is not a Table Tap access token (it must name a user and a cafe).</source>
        <translation>Das ist kein Table-Tap-Zugangstoken (es muss einen Benutzer und ein Café nennen).</translation>
    </message>
    <message>
        <source>Use a t&amp;oken</source>
        <translation>Token ver&amp;wenden</translation>
    </message>
    <message>
        <source>only for an https hub with the shop&apos;s own CA</source>
        <translation>nur für einen https-Hub mit der eigenen Zertifizierungsstelle des Geschäfts</translation>
    </message>
    <message>
        <source>A PEM file with the certificate authority that signed the hub&apos;s certificate; trusted on top of the system&apos;s</source>
        <translation>Eine PEM-Datei mit der Zertifizierungsstelle, die das Zertifikat des Hubs ausgestellt hat; ihr wird zusätzlich zu denen des Systems vertraut</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Du&amp;rchsuchen…</translation>
    </message>
    <message>
        <source>Certificate authority of the hub</source>
        <translation>Zertifizierungsstelle des Hubs</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>CA cert&amp;ificate (PEM):</source>
        <translation>CA-Zert&amp;ifikat (PEM):</translation>
    </message>
</context>
<context>
    <name>TableTap::ConsoleCommandLine</name>
    <message>
        <source>unexpected argument: %1</source>
        <translation>unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>--screenshot-delay needs milliseconds</source>
        <translation>--screenshot-delay erwartet Millisekunden</translation>
    </message>
    <message>
        <source>--token needs --hub</source>
        <translation>--token braucht --hub</translation>
    </message>
    <message>
        <source>--demo runs its own hub; leave out --hub</source>
        <translation>--demo startet einen eigenen Hub; --hub weglassen</translation>
    </message>
    <message>
        <source>not a hub address: %1</source>
        <translation>keine Hub-Adresse: %1</translation>
    </message>
    <message>
        <source>no translation for language %1 (available: en, de)</source>
        <translation>keine Übersetzung für die Sprache %1 (vorhanden: en, de)</translation>
    </message>
    <message>
        <source>tabletap: the token does not name a user and a cafe (see tabletap --help)</source>
        <translation>tabletap: das Token nennt keinen Benutzer und kein Café (siehe tabletap --help)</translation>
    </message>
    <message>
        <source>--demo-speed needs a number from 0.1 to 3600</source>
        <translation>--demo-speed erwartet eine Zahl von 0.1 bis 3600</translation>
    </message>
    <message>
        <source>no view called %1 (views: %2)</source>
        <translation>keine Ansicht namens %1 (Ansichten: %2)</translation>
    </message>
    <message>
        <source>The hub could not start</source>
        <translation>Der Hub konnte nicht starten</translation>
    </message>
    <message>
        <source>tabletap: the demo hub could not start: %1</source>
        <translation>tabletap: der Demo-Hub konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>--demo-start needs a time like 08:00</source>
        <translation>--demo-start erwartet eine Uhrzeit wie 08:00</translation>
    </message>
    <message>
        <source>--demo-speed, --demo-start and --data go with --demo</source>
        <translation>--demo-speed, --demo-start und --data gehören zu --demo</translation>
    </message>
    <message>
        <source>tabletap: no display (DISPLAY and WAYLAND_DISPLAY are not set); to run the hub without a screen use: tabletap-hub serve --data DIR --port 3000</source>
        <translation>tabletap: kein Bildschirm (DISPLAY und WAYLAND_DISPLAY sind nicht gesetzt); ein Hub ohne Bildschirm läuft mit: tabletap-hub serve --data DIR --port 3000</translation>
    </message>
    <message>
        <source>--ca-file: no PEM certificate in %1</source>
        <translation>--ca-file: kein PEM-Zertifikat in %1</translation>
    </message>
    <message>
        <source>Usage: tabletap [--hub URL [--token TOKEN]] [--demo] [--lang CODE]

The Table Tap console: live order queue, counters, stock, staff and payments of a
cafe, connected to its in-store hub.

Options:
  --hub URL      the hub to connect to (http://cafe-pc:3000); without --token the
                 sign-in dialog opens with this address
  --token TOKEN  connect with this access token (from `tabletap-hub token` or
                 another Table Tap server) instead of signing in
  --demo         start a hub inside the console with the simulator and sign in
                 to it as a manager: a live demo cafe
  --demo-speed X simulated seconds per real second in the demo (default 1)
  --demo-start HH:MM  the demo cafe&apos;s time of day at start (default 07:30;
                 the morning rush peaks at 08:15, lunch at 12:30)
  --data DIR     the demo hub&apos;s data folder: a new or empty folder, or one an
                 earlier demo made; never a real cafe&apos;s (default: a temporary
                 one, removed on exit)
  --ca-file PATH trust the certificate authority in this PEM file for an https
                 hub (a shop&apos;s own CA), on top of the system&apos;s
  --lang CODE    language of the console: en or de (default: the saved choice,
                 then the system&apos;s language)
  --view NAME    open on this view: queue, counters, inventory, timesheets,
                 payments, dashboard, entry (order entry), menu, staff,
                 settings (the cafe&apos;s), reports, printing (printers and print
                 jobs), chain (every cafe of the hub, for chain owners), log,
                 hub (a manager&apos;s screen: dashboard; staff, settings and
                 reports are for managers),
                 display (the counter display, in a window of its own),
                 board (the customer ready board, in a window of its own)
  --fullscreen   show that view&apos;s window in full screen
  -h, --help     show this help
  --version      show the version

Without a display (no DISPLAY or WAYLAND_DISPLAY) the console cannot start; run
the headless hub instead: tabletap-hub serve --data DIR --port 3000

Exit codes: 0 ok, 1 could not start (embedded hub, screenshot), 2 no display,
64 usage error.
</source>
        <translation>Aufruf: tabletap [--hub URL [--token TOKEN]] [--demo] [--lang CODE]

Die Table-Tap-Konsole: Bestellungen, Theken, Lager, Personal und Zahlungen eines
Cafés live, verbunden mit seinem Filial-Hub.

Optionen:
  --hub URL      der Hub, mit dem verbunden wird (http://cafe-pc:3000); ohne --token
                 öffnet sich die Anmeldung mit dieser Adresse
  --token TOKEN  mit diesem Zugangstoken verbinden (von `tabletap-hub token` oder
                 einem anderen Table-Tap-Server) statt sich anzumelden
  --demo         einen Hub in der Konsole mit dem Simulator starten und sich dort
                 als Filialleitung anmelden: ein lebendes Demo-Café
  --demo-speed X simulierte Sekunden je echter Sekunde in der Demo (Vorgabe 1)
  --demo-start HH:MM  Uhrzeit des Demo-Cafés beim Start (Vorgabe 07:30;
                 der Morgenansturm ist um 08:15 am stärksten, mittags um 12:30)
  --data DIR     der Datenordner des Demo-Hubs: ein neuer oder leerer Ordner oder
                 einer, den eine frühere Demo angelegt hat; nie der eines echten
                 Cafés (Vorgabe: ein temporärer, der beim Beenden gelöscht wird)
  --ca-file PATH der Zertifizierungsstelle in dieser PEM-Datei für einen https-Hub
                 vertrauen (eigene CA des Geschäfts), zusätzlich zu denen des Systems
  --lang CODE    Sprache der Konsole: en oder de (Vorgabe: die gespeicherte Wahl,
                 dann die Sprache des Systems)
  --view NAME    mit dieser Ansicht öffnen: queue, counters, inventory, timesheets,
                 payments, dashboard, entry (Bestellannahme), menu (Speisekarte), staff
                 (Personal), settings (Einstellungen des Cafés), reports (Berichte),
                 printing (Drucker und Druckaufträge), chain (alle Cafés des Hubs,
                 für Kettenbesitzer), log, hub (Bildschirm der Filialleitung:
                 dashboard; staff, settings und reports nur für sie),
                 display (die Thekenanzeige, in einem eigenen Fenster),
                 board (die Abholanzeige für die Gäste, in einem eigenen Fenster)
  --fullscreen   das Fenster dieser Ansicht im Vollbild zeigen
  -h, --help     diese Hilfe anzeigen
  --version      die Version anzeigen

Ohne Bildschirm (weder DISPLAY noch WAYLAND_DISPLAY) startet die Konsole nicht;
stattdessen den Hub ohne Oberfläche starten: tabletap-hub serve --data DIR --port 3000

Beendigungscodes: 0 in Ordnung, 1 Start nicht möglich (eingebetteter Hub,
Bildschirmfoto), 2 kein Bildschirm, 64 falscher Aufruf.
</translation>
    </message>
</context>
<context>
    <name>TableTap::ConsoleSession</name>
    <message>
        <source>attempt %1 in %2 ms</source>
        <translation>Versuch %1 in %2 ms</translation>
    </message>
    <message>
        <source>recovered: missed events replayed</source>
        <translation>wiederhergestellt: verpasste Ereignisse nachgeliefert</translation>
    </message>
    <message>
        <source>new session: loading snapshot</source>
        <translation>neue Sitzung: Stand wird geladen</translation>
    </message>
    <message>
        <source>not understood: %1</source>
        <translation>nicht verstanden: %1</translation>
    </message>
    <message>
        <source>dropped: another cafe&apos;s event</source>
        <translation>verworfen: Ereignis eines anderen Cafés</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Recalled</source>
        <translation>Zurückgeholt</translation>
    </message>
    <message>
        <source>cancel %1</source>
        <translation>%1 stornieren</translation>
    </message>
    <message>
        <source>move %1 to %2</source>
        <translation>%1 an %2 übergeben</translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <source>clock in</source>
        <translation>einstempeln</translation>
    </message>
    <message>
        <source>clock out</source>
        <translation>ausstempeln</translation>
    </message>
    <message>
        <source>drink: %1× %2</source>
        <translation>Getränk: %1× %2</translation>
    </message>
    <message>
        <source>%1 payment for %2</source>
        <translation>%1-Zahlung für %2</translation>
    </message>
    <message>
        <source>confirm payment for %1</source>
        <translation>Zahlung für %1 bestätigen</translation>
    </message>
    <message>
        <source>%1 out: %2 %3 waiting</source>
        <translation>%1 aus: %2 %3 warten</translation>
    </message>
    <message>
        <source>%1 %2 waiting, %3 portions of %4 left</source>
        <translation>%1 %2 warten, noch %3 Portionen %4</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbinde neu…</translation>
    </message>
    <message>
        <source>No heartbeat from the hub</source>
        <translation>Kein Lebenszeichen vom Hub</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>nothing to confirm</source>
        <translation>nichts zu bestätigen</translation>
    </message>
    <message>
        <source>this server offers no snapshots: live events only</source>
        <translation>dieser Server bietet keinen Stand an: nur Live-Ereignisse</translation>
    </message>
    <message>
        <source>unknown: %1</source>
        <translation>unbekannt: %1</translation>
    </message>
    <message>
        <source>new session: events missed meanwhile are lost (this server offers no snapshots)</source>
        <translation>neue Sitzung: inzwischen verpasste Ereignisse fehlen (dieser Server bietet keinen Stand an)</translation>
    </message>
    <message>
        <source>this server offers no payment list to find the payment in</source>
        <translation>dieser Server bietet keine Zahlungsliste, in der die Zahlung zu finden wäre</translation>
    </message>
    <message>
        <source>%1: %2 made</source>
        <translation>%1: %2 fertig</translation>
    </message>
    <message>
        <source>%1: %2 not made</source>
        <translation>%1: %2 nicht fertig</translation>
    </message>
    <message>
        <source>the saved outbox could not be read: %1</source>
        <translation>der gespeicherte Postausgang konnte nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) saved at the last close wait again</source>
        <translation>
            <numerusform>%n beim letzten Schließen gespeicherte Aktion wartet wieder</numerusform>
            <numerusform>%n beim letzten Schließen gespeicherte Aktionen warten wieder</numerusform>
        </translation>
    </message>
    <message>
        <source>the outbox could not be saved: %1</source>
        <translation>der Postausgang konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>acknowledge %1 alert</source>
        <translation>Warnung für %1 bestätigen</translation>
    </message>
    <message>
        <source>not connected to the hub</source>
        <translation>nicht mit dem Hub verbunden</translation>
    </message>
    <message>
        <source>no answer from the hub</source>
        <translation>keine Antwort vom Hub</translation>
    </message>
    <message>
        <source>add %1 to the menu</source>
        <translation>%1 zur Karte hinzufügen</translation>
    </message>
    <message>
        <source>change %1 on the menu</source>
        <translation>%1 auf der Karte ändern</translation>
    </message>
    <message>
        <source>retire %1</source>
        <translation>%1 aus dem Sortiment nehmen</translation>
    </message>
    <message>
        <source>bring back %1</source>
        <translation>%1 zurück auf die Karte</translation>
    </message>
    <message numerus="yes">
        <source>replace the menu (%n products)</source>
        <translation>
            <numerusform>Karte ersetzen (%n Produkt)</numerusform>
            <numerusform>Karte ersetzen (%n Produkte)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>import %n products into the menu</source>
        <translation>
            <numerusform>%n Produkt in die Karte importieren</numerusform>
            <numerusform>%n Produkte in die Karte importieren</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 back on sale</source>
        <translation>%1 wieder im Verkauf</translation>
    </message>
    <message>
        <source>settings: %1</source>
        <translation>Einstellungen: %1</translation>
    </message>
    <message>
        <source>stock levels of %1</source>
        <translation>Bestandsgrenzen von %1</translation>
    </message>
    <message>
        <source>correct the timesheet of %1</source>
        <translation>Zeiterfassung von %1 korrigieren</translation>
    </message>
    <message>
        <source>%1 off sale: %2</source>
        <translation>%1 aus dem Verkauf: %2</translation>
    </message>
</context>
<context>
    <name>TableTap::CounterModel</name>
    <message>
        <source>Counter</source>
        <translation>Theke</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen gesamt</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>In Zubereitung</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>TableTap::CountersView</name>
    <message>
        <source>Take %1 out of service</source>
        <translation>%1 außer Betrieb nehmen</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>Put %1 back in service: new orders may go to it again.</source>
        <translation>%1 wieder in Betrieb nehmen: neue Bestellungen können wieder dorthin gehen.</translation>
    </message>
    <message>
        <source>Equipment maintenance</source>
        <translation>Gerätewartung</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Schließung</translation>
    </message>
    <message>
        <source>Back from maintenance</source>
        <translation>Wartung beendet</translation>
    </message>
    <message>
        <source>Rush hour</source>
        <translation>Stoßzeit</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Öffnung</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n open order(s); the hub moves them to the other active counters.</source>
        <translation>
            <numerusform>%1 hat %n offene Bestellung; der Hub verteilt sie auf die anderen aktiven Theken.</numerusform>
            <numerusform>%1 hat %n offene Bestellungen; der Hub verteilt sie auf die anderen aktiven Theken.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sh&amp;ow in queue</source>
        <translation>&amp;In der Warteschlange zeigen</translation>
    </message>
    <message>
        <source>Ta&amp;ke out of service…</source>
        <translation>Außer Betrieb &amp;nehmen…</translation>
    </message>
    <message>
        <source>Put &amp;back in service…</source>
        <translation>Wie&amp;der in Betrieb nehmen…</translation>
    </message>
    <message>
        <source>Live events only: this server offers no counter list. A counter appears here when its status changes; taking a counter out of service needs the Table Tap hub.</source>
        <translation>Nur Live-Ereignisse: Dieser Server bietet keine Thekenliste. Eine Theke erscheint hier, sobald sich ihr Status ändert; eine Theke außer Betrieb nehmen geht nur mit dem Table-Tap-Hub.</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>Theken</translation>
    </message>
</context>
<context>
    <name>TableTap::DashboardModel</name>
    <message>
        <source>From</source>
        <translation>Ab</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Avg prep (min)</source>
        <translation>Ø Zubereitung (Min.)</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
</context>
<context>
    <name>TableTap::DashboardView</name>
    <message>
        <source>Orders today</source>
        <translation>Bestellungen heute</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>Jetzt offen</translation>
    </message>
    <message>
        <source>Revenue today</source>
        <translation>Umsatz heute</translation>
    </message>
    <message>
        <source>Average prep time</source>
        <translation>Ø Zubereitungszeit</translation>
    </message>
    <message>
        <source>Staff in</source>
        <translation>Personal anwesend</translation>
    </message>
    <message>
        <source>Orders per %1 minutes</source>
        <translation>Bestellungen je %1 Minuten</translation>
    </message>
    <message>
        <source>Average prep time (minutes)</source>
        <translation>Ø Zubereitungszeit (Minuten)</translation>
    </message>
    <message>
        <source>Revenue per %1 minutes</source>
        <translation>Umsatz je %1 Minuten</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>Stock as % of reorder level</source>
        <translation>Bestand in % des Meldebestands</translation>
    </message>
    <message>
        <source>below reorder level</source>
        <translation>unter dem Meldebestand</translation>
    </message>
    <message>
        <source>above reorder level</source>
        <translation>über dem Meldebestand</translation>
    </message>
    <message>
        <source>Live events only: this server offers no day so far. The figures and charts count only what happened while this console was connected.</source>
        <translation>Nur Live-Ereignisse: Dieser Server bietet den bisherigen Tag nicht an. Zahlen und Diagramme zählen nur, was geschah, während diese Konsole verbunden war.</translation>
    </message>
    <message>
        <source>Finished today</source>
        <translation>Heute erledigt</translation>
    </message>
    <message>
        <source>Cancelled today</source>
        <translation>Heute storniert</translation>
    </message>
    <message>
        <source>yesterday %1 · last %2 %3</source>
        <translation>gestern %1 · letzten %2 %3</translation>
    </message>
    <message>
        <source>reports need a Table Tap hub, and this server sends live events only</source>
        <translation>Berichte brauchen einen Table-Tap-Hub, und dieser Server sendet nur Live-Ereignisse</translation>
    </message>
    <message>
        <source>not connected to the hub</source>
        <translation>nicht mit dem Hub verbunden</translation>
    </message>
    <message>
        <source>Asking the hub for yesterday&apos;s and last week&apos;s figures…</source>
        <translation>Die Zahlen von gestern und letzter Woche werden beim Hub abgefragt…</translation>
    </message>
    <message>
        <source>Compared with yesterday (%1) and the same day last week (%2).</source>
        <translation>Verglichen mit gestern (%1) und demselben Tag letzte Woche (%2).</translation>
    </message>
    <message>
        <source>Comparison with yesterday and last week unavailable: %1</source>
        <translation>Vergleich mit gestern und letzter Woche nicht verfügbar: %1</translation>
    </message>
</context>
<context>
    <name>TableTap::DataWords</name>
    <message>
        <source>card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>QR-Code</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>processing</source>
        <translation>in Bearbeitung</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>bezahlt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>erstattet</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>active</source>
        <translation>in Betrieb</translation>
    </message>
    <message>
        <source>out of service</source>
        <translation>außer Betrieb</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
</context>
<context>
    <name>TableTap::DeviceTokenDialog</name>
    <message>
        <source>&amp;Mint token</source>
        <translation>Token &amp;erstellen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Device token for %1</source>
        <translation>Geräte-Token für %1</translation>
    </message>
    <message>
        <source>A tablet signed in with this token acts as %1 with their role, until it expires or their sessions are revoked. Scan the code on the tablet (or paste the text into its “Use a token” sign-in). It is shown only now.</source>
        <translation>Ein mit diesem Token angemeldetes Tablet handelt als %1 mit deren Rolle, bis es abläuft oder ihre Sitzungen widerrufen werden. Scannen Sie den Code mit dem Tablet (oder fügen Sie den Text bei dessen Anmeldung „Token verwenden“ ein). Er wird nur jetzt angezeigt.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>e.g. Bar tablet</source>
        <translation>z. B. Tablet an der Bar</translation>
    </message>
    <message>
        <source>Token as a QR code</source>
        <translation>Token als QR-Code</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>&amp;Valid for:</source>
        <translation>&amp;Gültig für:</translation>
    </message>
    <message>
        <source>Device &amp;label:</source>
        <translation>Geräte&amp;name:</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Kopiert.</translation>
    </message>
    <message>
        <source>Asking the hub for a token…</source>
        <translation>Token wird beim Hub angefordert …</translation>
    </message>
    <message>
        <source>No token: %1</source>
        <translation>Kein Token: %1</translation>
    </message>
    <message>
        <source>Valid until %1.</source>
        <translation>Gültig bis %1.</translation>
    </message>
    <message>
        <source>Token minted.</source>
        <translation>Token erstellt.</translation>
    </message>
</context>
<context>
    <name>TableTap::DisplayKeyMap</name>
    <message>
        <source>Select ticket %1</source>
        <translation>Bon %1 wählen</translation>
    </message>
    <message>
        <source>Bump (next step)</source>
        <translation>Weiter (nächster Schritt)</translation>
    </message>
    <message>
        <source>Bump to ready</source>
        <translation>Gleich auf fertig</translation>
    </message>
    <message>
        <source>Recall (press again for earlier bumps)</source>
        <translation>Zurückholen (erneut drücken für frühere)</translation>
    </message>
    <message>
        <source>Tick the next item as made</source>
        <translation>Nächsten Artikel als gemacht abhaken</translation>
    </message>
    <message>
        <source>Previous ticket</source>
        <translation>Vorheriger Bon</translation>
    </message>
    <message>
        <source>Next ticket</source>
        <translation>Nächster Bon</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Vorherige Seite</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
</context>
<context>
    <name>TableTap::DisplayKeyMapDialog</name>
    <message>
        <source>Counter display keys</source>
        <translation>Tasten der Thekenanzeige</translation>
    </message>
    <message>
        <source>Click a field and press the key (or bump bar button) for the action.</source>
        <translation>Ein Feld anklicken und die Taste (oder den Knopf der Bump-Leiste) für die Aktion drücken.</translation>
    </message>
    <message>
        <source>Save the keys</source>
        <translation>Tasten speichern</translation>
    </message>
    <message>
        <source>Keep the keys as they were</source>
        <translation>Tasten unverändert lassen</translation>
    </message>
    <message>
        <source>Restore the default keys</source>
        <translation>Vorgabetasten wiederherstellen</translation>
    </message>
    <message>
        <source>One key for two actions: %1</source>
        <translation>Eine Taste für zwei Aktionen: %1</translation>
    </message>
</context>
<context>
    <name>TableTap::DisplayView</name>
    <message>
        <source>Keys…</source>
        <translation>Tasten…</translation>
    </message>
    <message>
        <source>◀ Previous page</source>
        <translation>◀ Vorherige Seite</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Zurückholen</translation>
    </message>
    <message>
        <source>Next page ▶</source>
        <translation>Nächste Seite ▶</translation>
    </message>
    <message>
        <source>Counter display</source>
        <translation>Thekenanzeige</translation>
    </message>
    <message>
        <source>Counter shown on this display</source>
        <translation>Theke auf dieser Anzeige</translation>
    </message>
    <message>
        <source>Change the display&apos;s keys</source>
        <translation>Tasten der Anzeige ändern</translation>
    </message>
    <message>
        <source>Previous page of tickets</source>
        <translation>Vorherige Seite der Bons</translation>
    </message>
    <message>
        <source>Next page of tickets</source>
        <translation>Nächste Seite der Bons</translation>
    </message>
    <message>
        <source>C&amp;ounter:</source>
        <translation>&amp;Theke:</translation>
    </message>
    <message>
        <source>This counter (%1) is closed</source>
        <translation>Diese Theke (%1) ist geschlossen</translation>
    </message>
    <message>
        <source>%1 is closed</source>
        <translation>%1 ist geschlossen</translation>
    </message>
    <message>
        <source>tap to dismiss</source>
        <translation>zum Schließen tippen</translation>
    </message>
    <message numerus="yes">
        <source>Page %1 of %2 · %n ticket(s)</source>
        <translation>
            <numerusform>Seite %1 von %2 · %n Bon</numerusform>
            <numerusform>Seite %1 von %2 · %n Bons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n Bon</numerusform>
            <numerusform>%n Bons</numerusform>
        </translation>
    </message>
    <message>
        <source>Recall %1</source>
        <translation>%1 zurückholen</translation>
    </message>
    <message>
        <source>Recall order %1</source>
        <translation>Bestellung %1 zurückholen</translation>
    </message>
    <message>
        <source>Recall the last bumped order</source>
        <translation>Die zuletzt weitergeschaltete Bestellung zurückholen</translation>
    </message>
    <message>
        <source>All counters</source>
        <translation>Alle Theken</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <source>Dark theme</source>
        <translation>Dunkles Design</translation>
    </message>
    <message>
        <source>Switch to the high-contrast theme</source>
        <translation>Zum Design mit hohem Kontrast wechseln</translation>
    </message>
    <message>
        <source>Switch to the dark theme</source>
        <translation>Zum dunklen Design wechseln</translation>
    </message>
</context>
<context>
    <name>TableTap::DisplayWindow</name>
    <message>
        <source>Another display</source>
        <translation>Weitere Anzeige</translation>
    </message>
    <message>
        <source>Screen for this display</source>
        <translation>Bildschirm für diese Anzeige</translation>
    </message>
    <message>
        <source>Open another display window on the next screen</source>
        <translation>Ein weiteres Anzeigefenster auf dem nächsten Bildschirm öffnen</translation>
    </message>
    <message>
        <source>Close display</source>
        <translation>Anzeige schließen</translation>
    </message>
    <message>
        <source>Close this display window</source>
        <translation>Dieses Anzeigefenster schließen</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>Screen %1: %2 (%3×%4)</source>
        <translation>Bildschirm %1: %2 (%3×%4)</translation>
    </message>
    <message>
        <source>Counter display — all counters</source>
        <translation>Thekenanzeige — alle Theken</translation>
    </message>
    <message>
        <source>Counter display — %1</source>
        <translation>Thekenanzeige — %1</translation>
    </message>
    <message>
        <source>Leave full screen</source>
        <translation>Vollbild verlassen</translation>
    </message>
</context>
<context>
    <name>TableTap::DrinkDialog</name>
    <message>
        <source>Record a staff drink</source>
        <translation>Personalgetränk erfassen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Drink:</source>
        <translation>&amp;Getränk:</translation>
    </message>
    <message>
        <source>&amp;How many:</source>
        <translation>&amp;Anzahl:</translation>
    </message>
    <message>
        <source>The menu has not arrived from the hub yet.</source>
        <translation>Die Speisekarte ist noch nicht vom Hub gekommen.</translation>
    </message>
</context>
<context>
    <name>TableTap::EmbeddedHub</name>
    <message>
        <source>The hub serves no cafe yet.</source>
        <translation>Der Hub bedient noch kein Café.</translation>
    </message>
    <message>
        <source>Cafe %1 has no manager to sign in as.</source>
        <translation>Café %1 hat keine Filialleitung, als die man sich anmelden könnte.</translation>
    </message>
    <message>
        <source>%1 holds data that is not a demo&apos;s; the console&apos;s own hub only runs in an empty folder or in one an earlier demo made (with a file %2). A cafe&apos;s real data is served by tabletap-hub serve.</source>
        <translation>%1 enthält Daten, die nicht von einer Demo stammen; der Hub der Konsole läuft nur in einem leeren Ordner oder in einem, den eine frühere Demo angelegt hat (mit einer Datei %2). Die echten Daten eines Cafés bedient tabletap-hub serve.</translation>
    </message>
    <message>
        <source>Cannot mark %1 as demo data: %2</source>
        <translation>%1 kann nicht als Demo-Daten gekennzeichnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>Der Datenordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The data folder is in use: %1.</source>
        <translation>Der Datenordner ist belegt: %1.</translation>
    </message>
</context>
<context>
    <name>TableTap::EntryPaymentPanel</name>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>QR-Code</translation>
    </message>
    <message>
        <source>Cash received:</source>
        <translation>Erhaltenes Bargeld:</translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation>Erhaltenes Bargeld</translation>
    </message>
    <message>
        <source>Order %1 for %2 at %3: %4 to pay</source>
        <translation>Bestellung %1 für %2 an %3: %4 zu zahlen</translation>
    </message>
    <message>
        <source>Choose how the customer pays.</source>
        <translation>Wählen Sie, wie der Kunde zahlt.</translation>
    </message>
    <message>
        <source>Starting the %1 payment…</source>
        <translation>%1-Zahlung wird gestartet …</translation>
    </message>
    <message>
        <source>The cash received (%1) is less than the total (%2).</source>
        <translation>Das erhaltene Bargeld (%1) ist weniger als die Summe (%2).</translation>
    </message>
    <message>
        <source>Confirming the payment…</source>
        <translation>Zahlung wird bestätigt …</translation>
    </message>
    <message>
        <source>Take the cash, type what the customer handed over and confirm.</source>
        <translation>Nehmen Sie das Bargeld an, geben Sie den erhaltenen Betrag ein und bestätigen Sie.</translation>
    </message>
    <message>
        <source>Let the customer scan the code; confirm once the payment shows on their phone.</source>
        <translation>Lassen Sie den Kunden den Code scannen; bestätigen Sie, sobald die Zahlung auf seinem Telefon erscheint.</translation>
    </message>
    <message>
        <source>Card payment in progress: follow the card terminal.</source>
        <translation>Kartenzahlung läuft: folgen Sie dem Kartenterminal.</translation>
    </message>
    <message>
        <source>The hub refused: %1 (%2)</source>
        <translation>Der Hub hat abgelehnt: %1 (%2)</translation>
    </message>
    <message>
        <source>No answer from the hub (%1): check the payment in the Payments view before trying again.</source>
        <translation>Keine Antwort vom Hub (%1): prüfen Sie die Zahlung in der Ansicht Zahlungen, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>The payment failed: %1. Choose a way to pay again.</source>
        <translation>Die Zahlung ist fehlgeschlagen: %1. Wählen Sie erneut eine Zahlungsart.</translation>
    </message>
    <message>
        <source>The payment failed: %1.</source>
        <translation>Die Zahlung ist fehlgeschlagen: %1.</translation>
    </message>
    <message>
        <source>Con&amp;firm QR paid</source>
        <translation>QR-Zahlung bestät&amp;igen</translation>
    </message>
    <message>
        <source>Con&amp;firm cash</source>
        <translation>Barzahlung bestät&amp;igen</translation>
    </message>
    <message>
        <source>The payment was started; confirm it in the Payments view.</source>
        <translation>Die Zahlung wurde gestartet; bestätigen Sie sie in der Ansicht Zahlungen.</translation>
    </message>
</context>
<context>
    <name>TableTap::EventLogModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namensraum</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
</context>
<context>
    <name>TableTap::EventLogView</name>
    <message>
        <source>&amp;Follow new events</source>
        <translation>Neuen Ereignissen &amp;folgen</translation>
    </message>
    <message>
        <source>All namespaces</source>
        <translation>Alle Namensräume</translation>
    </message>
    <message>
        <source>Filter by event or text</source>
        <translation>Nach Ereignis oder Text filtern</translation>
    </message>
    <message>
        <source>&amp;Namespace:</source>
        <translation>&amp;Namensraum:</translation>
    </message>
    <message>
        <source>%1 shown of %2 kept; %3 events received this session</source>
        <translation>%1 von %2 gespeicherten angezeigt; %3 Ereignisse in dieser Sitzung empfangen</translation>
    </message>
    <message>
        <source>Filter the event log</source>
        <translation>Ereignisprotokoll filtern</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
</context>
<context>
    <name>TableTap::EventMapper</name>
    <message>
        <source>pending</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>preparing</source>
        <translation>in Zubereitung</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>storniert</translation>
    </message>
    <message>
        <source>card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>qr</source>
        <translation>QR-Code</translation>
    </message>
    <message>
        <source>sale</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>purchase</source>
        <translation>Lieferung</translation>
    </message>
    <message>
        <source>adjustment</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <source>waste</source>
        <translation>Schwund</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>active</source>
        <translation>in Betrieb</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>außer Betrieb</translation>
    </message>
    <message numerus="yes">
        <source>%1 for %2, %n item(s), %3 at %4</source>
        <translation>
            <numerusform>%1 für %2, %n Artikel, %3 an %4</numerusform>
            <numerusform>%1 für %2, %n Artikel, %3 an %4</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2 → %3 by %4</source>
        <translation>%1 %2 → %3 von %4</translation>
    </message>
    <message>
        <source>%1 ready for %2 at %3 (%4 min)</source>
        <translation>%1 fertig für %2 an %3 (%4 Min.)</translation>
    </message>
    <message>
        <source>%1 cancelled by %2: %3</source>
        <translation>%1 storniert von %2: %3</translation>
    </message>
    <message>
        <source>%1 moved %2 → %3 (%4)</source>
        <translation>%1 verlegt %2 → %3 (%4)</translation>
    </message>
    <message>
        <source>%1 %2 processing (%3)</source>
        <translation>%1 %2 in Bearbeitung (%3)</translation>
    </message>
    <message>
        <source>%1 %2 completed (fee %3)</source>
        <translation>%1 %2 bezahlt (Gebühr %3)</translation>
    </message>
    <message>
        <source>%1 %2 failed: %3</source>
        <translation>%1 %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>QR %1 for %2, expires %3</source>
        <translation>QR %1 über %2, gültig bis %3</translation>
    </message>
    <message>
        <source>%1 %2 → %3 (%4)</source>
        <translation>%1 %2 → %3 (%4)</translation>
    </message>
    <message>
        <source>%1 low: %2 left (reorder at %3), %4</source>
        <translation>%1 knapp: noch %2 (nachbestellen bei %3), %4</translation>
    </message>
    <message>
        <source>%1 out of stock; disabled: %2</source>
        <translation>%1 ausverkauft; gesperrt: %2</translation>
    </message>
    <message>
        <source>%1 clocked in</source>
        <translation>%1 eingestempelt</translation>
    </message>
    <message>
        <source>%1 clocked out: %2 h, pay %3</source>
        <translation>%1 ausgestempelt: %2 Std., Lohn %3</translation>
    </message>
    <message>
        <source>%1 had %2× %3 (%4/%5 this month)</source>
        <translation>%1 trank %2× %3 (%4/%5 in diesem Monat)</translation>
    </message>
    <message>
        <source>%1 %2 → %3: %4</source>
        <translation>%1 %2 → %3: %4</translation>
    </message>
    <message>
        <source>settings changed by %1: %2</source>
        <translation>Einstellungen geändert von %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: item made (%n made) by %2</source>
        <translation>
            <numerusform>%1: Artikel fertig (%n fertig) von %2</numerusform>
            <numerusform>%1: Artikel fertig (%n fertig) von %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: item not made after all (%n made) by %2</source>
        <translation>
            <numerusform>%1: Artikel doch nicht fertig (%n fertig) von %2</numerusform>
            <numerusform>%1: Artikel doch nicht fertig (%n fertig) von %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 alert acknowledged by %2</source>
        <translation>Warnung für %1 bestätigt von %2</translation>
    </message>
    <message>
        <source>menu changed: %1</source>
        <translation>Karte geändert: %1</translation>
    </message>
    <message numerus="yes">
        <source>menu changed: %1 (%n retired)</source>
        <translation>
            <numerusform>Karte geändert: %1 (%n aus dem Sortiment)</numerusform>
            <numerusform>Karte geändert: %1 (%n aus dem Sortiment)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 back on sale</source>
        <translation>%1 wieder im Verkauf</translation>
    </message>
    <message>
        <source>%1 back on sale by %2</source>
        <translation>%1 wieder im Verkauf durch %2</translation>
    </message>
    <message>
        <source>%1: reorder at %2, fill up to %3 (by %4)</source>
        <translation>%1: nachbestellen bei %2, auffüllen bis %3 (von %4)</translation>
    </message>
    <message>
        <source>timesheet of %1 corrected by %2: %3</source>
        <translation>Zeiterfassung von %1 korrigiert von %2: %3</translation>
    </message>
    <message>
        <source>%1 off sale by %2: %3</source>
        <translation>%1 aus dem Verkauf durch %2: %3</translation>
    </message>
</context>
<context>
    <name>TableTap::HubConnection</name>
    <message>
        <source>The hub did not answer with a token.</source>
        <translation>Der Hub hat kein Token geliefert.</translation>
    </message>
    <message>
        <source>Cannot reach the hub: %1</source>
        <translation>Hub nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>No PEM certificate in %1.</source>
        <translation>Kein PEM-Zertifikat in %1.</translation>
    </message>
</context>
<context>
    <name>TableTap::HubPanel</name>
    <message>
        <source>Namespace</source>
        <translation>Namensraum</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Events delivered per second</source>
        <translation>Zugestellte Ereignisse pro Sekunde</translation>
    </message>
    <message>
        <source>Hub running at %1</source>
        <translation>Hub läuft unter %1</translation>
    </message>
    <message>
        <source>Hub stopped: %1</source>
        <translation>Hub angehalten: %1</translation>
    </message>
    <message>
        <source>Hub stopped</source>
        <translation>Hub angehalten</translation>
    </message>
    <message>
        <source>Clients: %1 · events/s in %2, out %3 · delivered %4 · sockets: %5 · data: %6</source>
        <translation>Clients: %1 · Ereignisse/s ein %2, aus %3 · zugestellt %4 · Sockets: %5 · Daten: %6</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>in memory</source>
        <translation>im Speicher</translation>
    </message>
    <message>
        <source>Run the si&amp;mulator (customers, staff, stock)</source>
        <translation>Si&amp;mulator laufen lassen (Gäste, Personal, Lager)</translation>
    </message>
    <message>
        <source>Stop hu&amp;b</source>
        <translation>Hub anhalte&amp;n</translation>
    </message>
    <message>
        <source>Start hu&amp;b</source>
        <translation>Hub sta&amp;rten</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
</context>
<context>
    <name>TableTap::InventoryModel</name>
    <message>
        <source>out</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>low</source>
        <translation>knapp</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Art.-Nr.</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Reorder at</source>
        <translation>Meldebestand</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Verwendet in</translation>
    </message>
</context>
<context>
    <name>TableTap::InventoryView</name>
    <message>
        <source>Restock / &amp;adjust…</source>
        <translation>Auffüllen / korr&amp;igieren…</translation>
    </message>
    <message>
        <source>&amp;Acknowledge alert</source>
        <translation>Warnung &amp;quittieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stock alerts&lt;/b&gt;</source>
        <translation>&lt;b&gt;Lagerwarnungen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stock&lt;/b&gt; — bars show stock against the maximum, the tick the reorder level</source>
        <translation>&lt;b&gt;Bestand&lt;/b&gt; — Balken zeigen den Bestand gegenüber dem Höchstbestand, der Strich den Meldebestand</translation>
    </message>
    <message>
        <source>🔔 Sounding until acknowledged</source>
        <translation>🔔 Ertönt, bis jemand quittiert</translation>
    </message>
    <message>
        <source>Ackno&amp;wledge all</source>
        <translation>Alle quittie&amp;ren</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge (Ctrl+K)</source>
        <translation>&amp;Quittieren (Strg+K)</translation>
    </message>
    <message>
        <source>Live events only: this server offers no stock list. Items appear here as their stock changes and alerts as they are raised while this console is connected; restocking needs the Table Tap hub.</source>
        <translation>Nur Live-Ereignisse: Dieser Server bietet keine Lagerliste. Artikel erscheinen hier, wenn sich ihr Bestand ändert, Warnungen, wenn sie ausgelöst werden, solange diese Konsole verbunden ist; Auffüllen geht nur mit dem Table-Tap-Hub.</translation>
    </message>
    <message>
        <source>Stock alerts</source>
        <translation>Lagerwarnungen</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Bestand</translation>
    </message>
</context>
<context>
    <name>TableTap::LivenessBanner</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 Min. %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>Actions you take wait in the outbox and go out when the hub is back.</source>
        <translation>Ihre Aktionen warten im Ausgang und werden gesendet, sobald der Hub wieder da ist.</translation>
    </message>
    <message>
        <source>Connecting to the hub… — the screen is not live yet</source>
        <translation>Verbinde mit dem Hub… — die Anzeige ist noch nicht live</translation>
    </message>
    <message>
        <source>Waiting for %1 since %2 (%3). %4</source>
        <translation>Warte auf %1 seit %2 (%3). %4</translation>
    </message>
    <message>
        <source>Connection to the hub lost — NOT UPDATING</source>
        <translation>Verbindung zum Hub verloren — KEINE AKTUALISIERUNG</translation>
    </message>
    <message>
        <source>Reconnecting to %1. Nothing has arrived since %2 (%3). %4</source>
        <translation>Verbinde neu mit %1. Seit %2 (%3) ist nichts angekommen. %4</translation>
    </message>
    <message>
        <source>The hub has gone silent — data may be stale</source>
        <translation>Der Hub schweigt — die Daten sind womöglich veraltet</translation>
    </message>
    <message>
        <source>No heartbeat from %1 beyond its interval (since %2, %3). %4</source>
        <translation>Kein Lebenszeichen von %1 über das Intervall hinaus (seit %2, %3). %4</translation>
    </message>
    <message>
        <source>Offline — not connected to a hub</source>
        <translation>Offline — mit keinem Hub verbunden</translation>
    </message>
    <message>
        <source>Nothing on screen is updating (since %1, %2). %3</source>
        <translation>Nichts auf dem Bildschirm wird aktualisiert (seit %1, %2). %3</translation>
    </message>
    <message>
        <source>The hub refused this console</source>
        <translation>Der Hub hat diese Konsole abgewiesen</translation>
    </message>
    <message>
        <source>%1. Sign in again to continue.</source>
        <translation>%1. Bitte erneut anmelden.</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Erneut anmelden…</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>Verbinden…</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) wait in the outbox and go out when the hub is back.</source>
        <translation>
            <numerusform>%n Aktion wartet im Ausgang und wird gesendet, sobald der Hub wieder da ist.</numerusform>
            <numerusform>%n Aktionen warten im Ausgang und werden gesendet, sobald der Hub wieder da ist.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TableTap::MainWindow</name>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Warteschlange</translation>
    </message>
    <message>
        <source>Coun&amp;ters</source>
        <translation>&amp;Theken</translation>
    </message>
    <message>
        <source>&amp;Inventory</source>
        <translation>&amp;Lager</translation>
    </message>
    <message>
        <source>Time&amp;sheets</source>
        <translation>&amp;Zeiten</translation>
    </message>
    <message>
        <source>&amp;Payments</source>
        <translation>Zahlun&amp;gen</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>Ü&amp;bersicht</translation>
    </message>
    <message>
        <source>&amp;Event log</source>
        <translation>&amp;Ereignisse</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source>&amp;Console</source>
        <translation>&amp;Konsole</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <source>&amp;Reload everything from the hub</source>
        <translation>Alles neu vom Hub &amp;laden</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Outbox</source>
        <translation>A&amp;usgang</translation>
    </message>
    <message>
        <source>&amp;Mute sounds</source>
        <translation>Töne &amp;stumm</translation>
    </message>
    <message>
        <source>&amp;Dismiss notifications</source>
        <translation>Hinweise &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Table Tap</source>
        <translation>&amp;Über Table Tap</translation>
    </message>
    <message>
        <source>About Table Tap</source>
        <translation>Über Table Tap</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Table Tap Console %1&lt;/h3&gt;&lt;p&gt;Live order queue, counters, stock, staff and payments for cafes, over Socket.IO to the in-store hub.&lt;/p&gt;&lt;p&gt;Sounds: %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Table-Tap-Konsole %1&lt;/h3&gt;&lt;p&gt;Bestellungen, Theken, Lager, Personal und Zahlungen für Cafés, live über Socket.IO vom Filial-Hub.&lt;/p&gt;&lt;p&gt;Töne: %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Qt Multimedia</source>
        <translation>Qt Multimedia</translation>
    </message>
    <message>
        <source>system beep</source>
        <translation>Systemton</translation>
    </message>
    <message>
        <source>Table Tap</source>
        <translation>Table Tap</translation>
    </message>
    <message>
        <source>Table Tap — %1 — %2</source>
        <translation>Table Tap — %1 — %2</translation>
    </message>
    <message>
        <source>&amp;Inventory (%1)</source>
        <translation>&amp;Lager (%1)</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>Hub</translation>
    </message>
    <message>
        <source>Counter dis&amp;play</source>
        <translation>The&amp;kenanzeige</translation>
    </message>
    <message>
        <source>A&amp;nother counter display</source>
        <translation>&amp;Noch eine Thekenanzeige</translation>
    </message>
    <message>
        <source>Ready &amp;board</source>
        <translation>&amp;Abholanzeige</translation>
    </message>
    <message>
        <source>Actions wait for the hub</source>
        <translation>Aktionen warten auf den Hub</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) taken at this console wait for the hub.</source>
        <translation>
            <numerusform>%n an dieser Konsole ausgelöste Aktion wartet auf den Hub.</numerusform>
            <numerusform>%n an dieser Konsole ausgelöste Aktionen warten auf den Hub.</numerusform>
        </translation>
    </message>
    <message>
        <source>They are kept on this computer and go out, each exactly once, the next time you sign in to this hub and cafe.</source>
        <translation>Sie bleiben auf diesem Computer gespeichert und gehen jeweils genau einmal hinaus, wenn Sie sich das nächste Mal bei diesem Hub und Café anmelden.</translation>
    </message>
    <message>
        <source>This console cannot keep them (demo hub, or nobody signed in): closing now loses them.</source>
        <translation>Diese Konsole kann sie nicht aufbewahren (Demo-Hub oder niemand angemeldet): Wer jetzt schließt, verliert sie.</translation>
    </message>
    <message>
        <source>&amp;Keep them for next start</source>
        <translation>Für den nächsten Start &amp;behalten</translation>
    </message>
    <message>
        <source>&amp;Discard them</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Close and &amp;lose them</source>
        <translation>Schließen und &amp;verlieren</translation>
    </message>
    <message>
        <source>Order entr&amp;y</source>
        <translation>Bestellung &amp;vor Ort</translation>
    </message>
    <message>
        <source>Men&amp;u</source>
        <translation>Men&amp;ü</translation>
    </message>
    <message>
        <source>Cafe settin&amp;gs</source>
        <translation>&amp;Café-Einstellungen</translation>
    </message>
    <message>
        <source>Staff management</source>
        <translation>Beschäftigte</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Drucken</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Nicht gedruckt</translation>
    </message>
    <message>
        <source>Printer %1 is %2</source>
        <translation>Drucker %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) waiting; they print when it is back.</source>
        <translation>
            <numerusform>%n Auftrag wartet; er wird gedruckt, sobald der Drucker wieder da ist.</numerusform>
            <numerusform>%n Aufträge warten; sie werden gedruckt, sobald der Drucker wieder da ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print queue full</source>
        <translation>Druckwarteschlange voll</translation>
    </message>
    <message numerus="yes">
        <source>%1 for %2 was not queued: %n job(s) are waiting already.</source>
        <translation>
            <numerusform>%1 für %2 wurde nicht eingereiht: es wartet schon %n Auftrag.</numerusform>
            <numerusform>%1 für %2 wurde nicht eingereiht: es warten schon %n Aufträge.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Kette</translation>
    </message>
</context>
<context>
    <name>TableTap::MenuView</name>
    <message>
        <source>&amp;86: take off sale…</source>
        <translation>&amp;86: aus dem Verkauf nehmen…</translation>
    </message>
    <message>
        <source>Back &amp;on sale</source>
        <translation>Wieder im Verkau&amp;f</translation>
    </message>
    <message>
        <source>&amp;New product…</source>
        <translation>Neues &amp;Produkt…</translation>
    </message>
    <message>
        <source>Ch&amp;ange…</source>
        <translation>Bearbe&amp;iten…</translation>
    </message>
    <message>
        <source>Reti&amp;re</source>
        <translation>Aus dem S&amp;ortiment</translation>
    </message>
    <message>
        <source>Bring bac&amp;k…</source>
        <translation>Zu&amp;rückholen…</translation>
    </message>
    <message>
        <source>Import &amp;file…</source>
        <translation>&amp;Datei importieren…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Off sale: %1</source>
        <translation>Aus dem Verkauf: %1</translation>
    </message>
    <message>
        <source>Off sale: %1 (until %2)</source>
        <translation>Aus dem Verkauf: %1 (bis %2)</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Nicht vorrätig</translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation>Bestand knapp</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>Im Verkauf</translation>
    </message>
    <message>
        <source>No menu loaded yet.</source>
        <translation>Noch keine Karte geladen.</translation>
    </message>
    <message>
        <source>Choose a product.</source>
        <translation>Ein Produkt auswählen.</translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <source>Recipe (per unit):</source>
        <translation>Rezept (je Stück):</translation>
    </message>
    <message>
        <source>  none</source>
        <translation>  keine</translation>
    </message>
    <message>
        <source>Customizations:</source>
        <translation>Extras:</translation>
    </message>
    <message>
        <source>  %1: +%2</source>
        <translation>  %1: +%2</translation>
    </message>
    <message>
        <source>Retire product</source>
        <translation>Produkt aus dem Sortiment nehmen</translation>
    </message>
    <message>
        <source>Take %1 off the menu for good? Past orders keep it; it can be brought back with &quot;Bring back…&quot;.</source>
        <translation>%1 endgültig von der Karte nehmen? Frühere Bestellungen behalten es; mit „Zurückholen…“ kommt es wieder.</translation>
    </message>
    <message>
        <source>&amp;Retire</source>
        <translation>Aus dem &amp;Sortiment nehmen</translation>
    </message>
    <message>
        <source>Retired products</source>
        <translation>Produkte außerhalb des Sortiments</translation>
    </message>
    <message>
        <source>The hub did not answer: %1</source>
        <translation>Der Hub hat nicht geantwortet: %1</translation>
    </message>
    <message>
        <source>&amp;Bring back</source>
        <translation>&amp;Zurückholen</translation>
    </message>
    <message>
        <source>No retired products.</source>
        <translation>Keine Produkte außerhalb des Sortiments.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a menu file: %2</source>
        <translation>%1 ist keine Kartendatei: %2</translation>
    </message>
    <message>
        <source>Import menu</source>
        <translation>Karte importieren</translation>
    </message>
    <message>
        <source>Menu files (*.csv *.json);;CSV (*.csv);;JSON (*.json)</source>
        <translation>Kartendateien (*.csv *.json);;CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Merge the file into the menu (products by name), or replace the menu (products not in the file are retired)?</source>
        <translation>Die Datei in die Karte übernehmen (Produkte nach Namen) oder die Karte ersetzen (Produkte, die nicht in der Datei stehen, werden aus dem Sortiment genommen)?</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <source>Export menu</source>
        <translation>Karte exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>%1 is too large to send to the hub in one message (%2 KB, at most %3 KB): import it on the hub&apos;s computer with tabletap-hub menu import.</source>
        <translation>%1 ist zu groß, um in einer Nachricht an den Hub zu gehen (%2 KB, höchstens %3 KB): bitte auf dem Rechner des Hubs mit tabletap-hub menu import importieren.</translation>
    </message>
</context>
<context>
    <name>TableTap::NetworkPrinter</name>
    <message>
        <source>out of paper</source>
        <translation>kein Papier</translation>
    </message>
    <message>
        <source>the printer answered the paper status with something else</source>
        <translation>der Drucker beantwortete die Papierabfrage mit etwas anderem</translation>
    </message>
    <message>
        <source>no connection to %1 within %2 s</source>
        <translation>keine Verbindung zu %1 innerhalb von %2 s</translation>
    </message>
    <message>
        <source>the printer did not answer the paper status</source>
        <translation>der Drucker beantwortete die Papierabfrage nicht</translation>
    </message>
    <message>
        <source>the printer did not take the ticket</source>
        <translation>der Drucker nahm den Bon nicht an</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>connection lost: %1</source>
        <translation>Verbindung verloren: %1</translation>
    </message>
</context>
<context>
    <name>TableTap::Notifier</name>
    <message>
        <source>Order %1 is ready</source>
        <translation>Bestellung %1 ist fertig</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>für %1</translation>
    </message>
    <message>
        <source>for %1 at %2</source>
        <translation>für %1 an %2</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Payment failed for %1</source>
        <translation>Zahlung für %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 — it can be retried from Payments.</source>
        <translation>%1 — unter „Zahlungen“ erneut versuchen.</translation>
    </message>
    <message>
        <source>%1 is out of stock</source>
        <translation>%1 ist ausgegangen</translation>
    </message>
    <message>
        <source>%1 is running low (%2)</source>
        <translation>%1 wird knapp (%2)</translation>
    </message>
    <message>
        <source>Affects: %1</source>
        <translation>Betrifft: %1</translation>
    </message>
    <message>
        <source>%1 left, reorder at %2</source>
        <translation>noch %1, Meldebestand %2</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) ready</source>
        <translation>
            <numerusform>%n Bestellung fertig</numerusform>
            <numerusform>%n Bestellungen fertig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) refused</source>
        <translation>
            <numerusform>%n Aktion abgelehnt</numerusform>
            <numerusform>%n Aktionen abgelehnt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s) failed</source>
        <translation>
            <numerusform>%n Zahlung fehlgeschlagen</numerusform>
            <numerusform>%n Zahlungen fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Orders %1 — see Payments.</source>
        <translation>Bestellungen %1 — siehe „Zahlungen“.</translation>
    </message>
    <message numerus="yes">
        <source>%n stock alert(s)</source>
        <translation>
            <numerusform>%n Lagerwarnung</numerusform>
            <numerusform>%n Lagerwarnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown: %1</source>
        <translation>Unbekannt: %1</translation>
    </message>
    <message>
        <source>%1. Check it before doing it again.</source>
        <translation>%1. Bitte prüfen, bevor es noch einmal ausgelöst wird.</translation>
    </message>
    <message>
        <source>The server reported an error</source>
        <translation>Der Server meldet einen Fehler</translation>
    </message>
    <message>
        <source>The server refused %1</source>
        <translation>Der Server hat %1 abgelehnt</translation>
    </message>
</context>
<context>
    <name>TableTap::OffSaleDialog</name>
    <message>
        <source>Take off sale</source>
        <translation>Aus dem Verkauf nehmen</translation>
    </message>
    <message>
        <source>Take %1 off sale</source>
        <translation>%1 aus dem Verkauf nehmen</translation>
    </message>
    <message>
        <source>Machine broken</source>
        <translation>Maschine defekt</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>Ausverkauft</translation>
    </message>
    <message>
        <source>Quality problem</source>
        <translation>Qualitätsproblem</translation>
    </message>
    <message>
        <source>Ingredient missing</source>
        <translation>Zutat fehlt</translation>
    </message>
    <message>
        <source>Why (required)</source>
        <translation>Warum (Pflicht)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>For &amp;1 hour</source>
        <translation>Für &amp;1 Stunde</translation>
    </message>
    <message>
        <source>Until the &amp;end of today</source>
        <translation>Bis &amp;Ende des Tages</translation>
    </message>
    <message>
        <source>Until &amp;tomorrow&apos;s opening</source>
        <translation>Bis zur Öffnung &amp;morgen</translation>
    </message>
    <message>
        <source>Until someone puts it &amp;back</source>
        <translation>Bis es jemand &amp;zurücknimmt</translation>
    </message>
    <message>
        <source>Until a time of my &amp;own:</source>
        <translation>Bis zu einer eigenen &amp;Uhrzeit:</translation>
    </message>
    <message>
        <source>Off sale until</source>
        <translation>Aus dem Verkauf bis</translation>
    </message>
    <message>
        <source>Off sale:</source>
        <translation>Aus dem Verkauf:</translation>
    </message>
    <message>
        <source>&amp;Take off sale</source>
        <translation>Aus dem &amp;Verkauf nehmen</translation>
    </message>
    <message>
        <source>Back on sale by itself at %1.</source>
        <translation>Um %1 von selbst wieder im Verkauf.</translation>
    </message>
    <message>
        <source>Stays off sale until someone puts it back.</source>
        <translation>Bleibt aus dem Verkauf, bis es jemand zurücknimmt.</translation>
    </message>
</context>
<context>
    <name>TableTap::OrderDetailsPane</name>
    <message>
        <source>not paid yet</source>
        <translation>noch nicht bezahlt</translation>
    </message>
    <message>
        <source>processing</source>
        <translation>in Bearbeitung</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>bezahlt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>erstattet</translation>
    </message>
    <message>
        <source>waiting for the customer</source>
        <translation>wartet auf den Gast</translation>
    </message>
    <message>
        <source>Take payment:</source>
        <translation>Bezahlen:</translation>
    </message>
    <message>
        <source>Charge the order&apos;s total to a card through the payment provider</source>
        <translation>Den Betrag der Bestellung über den Zahlungsdienst von einer Karte abbuchen</translation>
    </message>
    <message>
        <source>Take cash; confirm once the money is in the till</source>
        <translation>Bar kassieren; bestätigen, sobald das Geld in der Kasse ist</translation>
    </message>
    <message>
        <source>Show a QR code the customer scans to pay</source>
        <translation>Einen QR-Code zeigen, den der Gast zum Bezahlen scannt</translation>
    </message>
    <message>
        <source>Confirm the cash was taken or the QR payment arrived</source>
        <translation>Bestätigen, dass bar kassiert wurde oder die QR-Zahlung angekommen ist</translation>
    </message>
    <message>
        <source>No order selected</source>
        <translation>Keine Bestellung gewählt</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an order in the queue to see its items, totals, payment and history.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Eine Bestellung in der Warteschlange wählen, um Artikel, Beträge, Zahlung und Verlauf zu sehen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Gast:</translation>
    </message>
    <message>
        <source>Counter:</source>
        <translation>Theke:</translation>
    </message>
    <message>
        <source>Ordered at:</source>
        <translation>Bestellt um:</translation>
    </message>
    <message>
        <source>Estimated ready:</source>
        <translation>Voraussichtlich fertig:</translation>
    </message>
    <message>
        <source>Taken by:</source>
        <translation>Aufgenommen von:</translation>
    </message>
    <message>
        <source>Proxy order: placed by %1 for %2</source>
        <translation>Stellvertreter-Bestellung: von %1 für %2</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Waiting for the hub to confirm: %1</source>
        <translation>Wartet auf Bestätigung des Hubs: %1</translation>
    </message>
    <message>
        <source>Cancelled:</source>
        <translation>Storniert:</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>Trinkgeld</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Payment:</source>
        <translation>Zahlung:</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>QR-Code</translation>
    </message>
    <message>
        <source>Confirm payment</source>
        <translation>Zahlung bestätigen</translation>
    </message>
    <message>
        <source>&amp;Made:</source>
        <translation>Ge&amp;macht:</translation>
    </message>
    <message>
        <source>Items made</source>
        <translation>Fertige Artikel</translation>
    </message>
    <message>
        <source>Tick each item once it is made (Space); every screen of the counter sees the ticks, and the last one makes the order ready</source>
        <translation>Jeden Artikel abhaken, sobald er fertig ist (Leertaste); jeder Bildschirm der Theke sieht die Haken, und der letzte macht die Bestellung abholbereit</translation>
    </message>
    <message>
        <source>%1× %2</source>
        <translation>%1× %2</translation>
    </message>
    <message>
        <source>Order details</source>
        <translation>Bestelldetails</translation>
    </message>
    <message>
        <source>Reprint ticket</source>
        <translation>Bon erneut drucken</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Beleg drucken</translation>
    </message>
    <message>
        <source>Print the order&apos;s kitchen ticket again at its counter&apos;s printer</source>
        <translation>Den Küchenbon der Bestellung noch einmal am Drucker ihrer Theke drucken</translation>
    </message>
    <message>
        <source>Print a receipt for the order at this console&apos;s receipt printer</source>
        <translation>Einen Beleg für die Bestellung am Belegdrucker dieser Konsole drucken</translation>
    </message>
</context>
<context>
    <name>TableTap::OrderEntryView</name>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>No tip</source>
        <translation>Kein Trinkgeld</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Eigener Betrag</translation>
    </message>
    <message>
        <source>Place &amp;order</source>
        <translation>Bestellung au&amp;fgeben</translation>
    </message>
    <message>
        <source>Next customer</source>
        <translation>Nächster Kunde</translation>
    </message>
    <message>
        <source>Search the menu (Ctrl+F or /)</source>
        <translation>Speisekarte durchsuchen (Strg+F oder /)</translation>
    </message>
    <message>
        <source>Search the menu</source>
        <translation>Speisekarte durchsuchen</translation>
    </message>
    <message>
        <source>Menu categories</source>
        <translation>Kategorien der Speisekarte</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Speisekarte</translation>
    </message>
    <message>
        <source>Order lines</source>
        <translation>Bestellpositionen</translation>
    </message>
    <message>
        <source>One less</source>
        <translation>Eins weniger</translation>
    </message>
    <message>
        <source>One more</source>
        <translation>Eins mehr</translation>
    </message>
    <message>
        <source>One less of the selected line (-)</source>
        <translation>Eins weniger von der gewählten Position (-)</translation>
    </message>
    <message>
        <source>One more of the selected line (+)</source>
        <translation>Eins mehr von der gewählten Position (+)</translation>
    </message>
    <message>
        <source>Remove the selected line (Delete)</source>
        <translation>Gewählte Position entfernen (Entf)</translation>
    </message>
    <message>
        <source>optional, e.g. +1 555 0100</source>
        <translation>optional, z. B. +1 555 0100</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Custom tip amount</source>
        <translation>Eigener Trinkgeldbetrag</translation>
    </message>
    <message>
        <source>Customer &amp;name:</source>
        <translation>Kun&amp;de:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notizen:</translation>
    </message>
    <message>
        <source>Counter:</source>
        <translation>Theke:</translation>
    </message>
    <message>
        <source>Tip:</source>
        <translation>Trinkgeld:</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>Trinkgeld</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Send the order to the hub (Ctrl+Enter)</source>
        <translation>Bestellung an den Hub senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Leave this order to be paid later and start the next (Esc)</source>
        <translation>Diese Bestellung später bezahlen lassen und die nächste beginnen (Esc)</translation>
    </message>
    <message>
        <source>No answer from the hub (%1): look for the order in the queue before placing it again.</source>
        <translation>Keine Antwort vom Hub (%1): suchen Sie die Bestellung in der Warteschlange, bevor Sie sie erneut aufgeben.</translation>
    </message>
    <message>
        <source>Off the menu</source>
        <translation>Von der Karte genommen</translation>
    </message>
    <message>
        <source>Off the menu: %1</source>
        <translation>Von der Karte genommen: %1</translation>
    </message>
    <message>
        <source>(until %1)</source>
        <translation>(bis %1)</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Nicht vorrätig</translation>
    </message>
    <message>
        <source>Not enough stock</source>
        <translation>Nicht genug auf Lager</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Add %1 to the order (Enter)</source>
        <translation>%1 zur Bestellung hinzufügen (Eingabe)</translation>
    </message>
    <message>
        <source>%1 cannot be ordered: %2</source>
        <translation>%1 kann nicht bestellt werden: %2</translation>
    </message>
    <message>
        <source>No menu yet: it appears once the hub is connected.</source>
        <translation>Noch keine Speisekarte: sie erscheint, sobald der Hub verbunden ist.</translation>
    </message>
    <message>
        <source>Nothing on the menu matches.</source>
        <translation>Nichts auf der Speisekarte passt.</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1 is no longer on the menu</source>
        <translation>%1 steht nicht mehr auf der Karte</translation>
    </message>
    <message>
        <source>%1 is no longer offered</source>
        <translation>%1 wird nicht mehr angeboten</translation>
    </message>
    <message>
        <source>%1 is now unavailable</source>
        <translation>%1 ist jetzt nicht verfügbar</translation>
    </message>
    <message>
        <source>%1 is now unavailable: %2</source>
        <translation>%1 ist jetzt nicht verfügbar: %2</translation>
    </message>
    <message>
        <source>⚠ %1; remove it or change it</source>
        <translation>⚠ %1; entfernen oder ändern</translation>
    </message>
    <message>
        <source>No order yet: pick from the menu (click, or Enter on a product).</source>
        <translation>Noch keine Bestellung: wählen Sie aus der Speisekarte (Klick oder Eingabe auf einem Produkt).</translation>
    </message>
    <message>
        <source>Customizations</source>
        <translation>Extras</translation>
    </message>
    <message>
        <source>Select an order line to customize it.</source>
        <translation>Wählen Sie eine Position, um Extras zu wählen.</translation>
    </message>
    <message>
        <source>This product has no customizations.</source>
        <translation>Dieses Produkt hat keine Extras.</translation>
    </message>
    <message>
        <source>Customizations for %1</source>
        <translation>Extras für %1</translation>
    </message>
    <message>
        <source>%1 (+%2)</source>
        <translation>%1 (+%2)</translation>
    </message>
    <message>
        <source>off the menu: %1</source>
        <translation>von der Karte genommen: %1</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>That customization cannot be added.</source>
        <translation>Dieses Extra kann nicht hinzugefügt werden.</translation>
    </message>
    <message>
        <source>Tip %1</source>
        <translation>Trinkgeld %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>rate not known yet</source>
        <translation>Satz noch nicht bekannt</translation>
    </message>
    <message>
        <source>The hub gives the order to its least busy active counter.</source>
        <translation>Der Hub gibt die Bestellung an seine am wenigsten ausgelastete aktive Theke.</translation>
    </message>
    <message>
        <source>No counter is active: the hub will refuse the order.</source>
        <translation>Keine Theke ist in Betrieb: der Hub wird die Bestellung ablehnen.</translation>
    </message>
    <message>
        <source>%1 (the least busy active counter; the hub decides when the order is placed)</source>
        <translation>%1 (die am wenigsten ausgelastete aktive Theke; der Hub entscheidet beim Aufgeben)</translation>
    </message>
    <message>
        <source>Add something from the menu first</source>
        <translation>Wählen Sie zuerst etwas aus der Speisekarte</translation>
    </message>
    <message>
        <source>Remove the lines marked unavailable first</source>
        <translation>Entfernen Sie zuerst die als nicht verfügbar markierten Positionen</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name first</source>
        <translation>Geben Sie zuerst den Namen des Kunden ein</translation>
    </message>
    <message>
        <source>At most %1 of one line.</source>
        <translation>Höchstens %1 pro Position.</translation>
    </message>
    <message>
        <source>At most %1 lines in one order.</source>
        <translation>Höchstens %1 Positionen pro Bestellung.</translation>
    </message>
    <message>
        <source>%1 cannot be ordered now.</source>
        <translation>%1 kann jetzt nicht bestellt werden.</translation>
    </message>
    <message>
        <source>Add something from the menu first.</source>
        <translation>Wählen Sie zuerst etwas aus der Speisekarte.</translation>
    </message>
    <message>
        <source>Remove the lines marked unavailable before placing the order.</source>
        <translation>Entfernen Sie die als nicht verfügbar markierten Positionen, bevor Sie die Bestellung aufgeben.</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation>Geben Sie den Namen des Kunden ein.</translation>
    </message>
    <message>
        <source>order for %1</source>
        <translation>Bestellung für %1</translation>
    </message>
    <message>
        <source>The order could not be queued: too many actions are waiting.</source>
        <translation>Die Bestellung konnte nicht eingereiht werden: zu viele Aktionen warten.</translation>
    </message>
    <message>
        <source>Placing the order…</source>
        <translation>Bestellung wird aufgegeben …</translation>
    </message>
    <message>
        <source>Order %1 placed. The hub&apos;s total is %2 (this screen showed %3).</source>
        <translation>Bestellung %1 aufgegeben. Die Summe des Hubs ist %2 (dieser Bildschirm zeigte %3).</translation>
    </message>
    <message>
        <source>Order %1 placed.</source>
        <translation>Bestellung %1 aufgegeben.</translation>
    </message>
    <message>
        <source>The hub refused the order: %1 (%2)</source>
        <translation>Der Hub hat die Bestellung abgelehnt: %1 (%2)</translation>
    </message>
    <message>
        <source>Order %1 is paid; change due: %2. Next customer, please.</source>
        <translation>Bestellung %1 ist bezahlt; Wechselgeld: %2. Der Nächste, bitte.</translation>
    </message>
    <message>
        <source>Order %1 is paid. Next customer, please.</source>
        <translation>Bestellung %1 ist bezahlt. Der Nächste, bitte.</translation>
    </message>
    <message>
        <source>The order was placed; take its payment from the queue.</source>
        <translation>Die Bestellung wurde aufgegeben; kassieren Sie sie über die Warteschlange.</translation>
    </message>
</context>
<context>
    <name>TableTap::OrderQueueDelegate</name>
    <message>
        <source>Start ▸</source>
        <translation>Beginnen ▸</translation>
    </message>
    <message>
        <source>Ready ▸</source>
        <translation>Fertig ▸</translation>
    </message>
    <message>
        <source>Complete ▸</source>
        <translation>Abschließen ▸</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>preparing</source>
        <translation>in Zubereitung</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>storniert</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>proxy order</source>
        <translation>Stellvertreter-Bestellung</translation>
    </message>
    <message>
        <source>⏳ sending: %1</source>
        <translation>⏳ wird gesendet: %1</translation>
    </message>
</context>
<context>
    <name>TableTap::OrderQueueModel</name>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Theke</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
</context>
<context>
    <name>TableTap::OrderQueueView</name>
    <message>
        <source>&amp;Advance</source>
        <translation>Weite&amp;r</translation>
    </message>
    <message>
        <source>Move the selected order on: pending → preparing → ready → completed (Space or Enter)</source>
        <translation>Die gewählte Bestellung weiterschalten: offen → in Zubereitung → fertig → abgeschlossen (Leertaste oder Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Recall</source>
        <translation>Zurückh&amp;olen</translation>
    </message>
    <message>
        <source>Undo this console&apos;s last status change, for a minute (Ctrl+Z)</source>
        <translation>Die letzte Statusänderung dieser Konsole rückgängig machen, eine Minute lang (Strg+Z)</translation>
    </message>
    <message>
        <source>Cancel the selected order, with a reason (Delete; managers)</source>
        <translation>Die gewählte Bestellung mit Begründung stornieren (Entf; Filialleitung)</translation>
    </message>
    <message>
        <source>&amp;Move to counter…</source>
        <translation>An an&amp;dere Theke…</translation>
    </message>
    <message>
        <source>Move the selected order to another counter, with a reason (Ctrl+M; managers)</source>
        <translation>Die gewählte Bestellung mit Begründung an eine andere Theke geben (Strg+M; Filialleitung)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation>Offene Bestellungen</translation>
    </message>
    <message>
        <source>Finished today</source>
        <translation>Heute erledigt</translation>
    </message>
    <message>
        <source>All today</source>
        <translation>Alle von heute</translation>
    </message>
    <message>
        <source>All counters</source>
        <translation>Alle Theken</translation>
    </message>
    <message>
        <source>Search orders, customers, items (Ctrl+F)</source>
        <translation>Bestellungen, Gäste, Artikel suchen (Strg+F)</translation>
    </message>
    <message>
        <source>C&amp;ounter:</source>
        <translation>Theke&amp;n:</translation>
    </message>
    <message>
        <source>&lt;b&gt;All day&lt;/b&gt; — waiting per product</source>
        <translation>&lt;b&gt;Tagesübersicht&lt;/b&gt; — wartend je Produkt</translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation>%1 stornieren</translation>
    </message>
    <message>
        <source>Cancel order %1 for %2 (%3)? Paid orders are refunded by the hub.</source>
        <translation>Bestellung %1 für %2 (%3) stornieren? Bezahlte Bestellungen erstattet der Hub.</translation>
    </message>
    <message>
        <source>Customer changed their mind</source>
        <translation>Gast hat es sich anders überlegt</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Nicht vorrätig</translation>
    </message>
    <message>
        <source>Duplicate order</source>
        <translation>Doppelte Bestellung</translation>
    </message>
    <message>
        <source>Customer left</source>
        <translation>Gast ist gegangen</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>%1 umlegen</translation>
    </message>
    <message>
        <source>Move order %1 (now at %2) to another counter.</source>
        <translation>Bestellung %1 (jetzt an %2) an eine andere Theke geben.</translation>
    </message>
    <message>
        <source>Load balancing</source>
        <translation>Lastausgleich</translation>
    </message>
    <message>
        <source>Counter closing</source>
        <translation>Theke schließt</translation>
    </message>
    <message>
        <source>Equipment problem</source>
        <translation>Geräteproblem</translation>
    </message>
    <message>
        <source>%1 open, %2 late · showing %3 · Space/Enter advances the selected order, Ctrl+Z recalls</source>
        <translation>%1 offen, %2 verspätet · %3 angezeigt · Leertaste/Eingabe schaltet die gewählte Bestellung weiter, Strg+Z holt zurück</translation>
    </message>
    <message>
        <source>&amp;Recall %1</source>
        <translation>%1 zurückh&amp;olen</translation>
    </message>
    <message>
        <source>Ca&amp;ncel order…</source>
        <translation>Bestellung storn&amp;ieren…</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Live events only: this server offers no order list. The queue holds the orders created while this console was connected, and may miss changes made while the link was down; cancelling and moving orders need the Table Tap hub.</source>
        <translation>Nur Live-Ereignisse: Dieser Server bietet keine Bestellliste. Die Warteschlange enthält die Bestellungen, die angelegt wurden, während diese Konsole verbunden war, und kann Änderungen aus Verbindungspausen verpassen; Stornieren und Übergeben gehen nur mit dem Table-Tap-Hub.</translation>
    </message>
    <message>
        <source>Search the queue</source>
        <translation>Warteschlange durchsuchen</translation>
    </message>
    <message>
        <source>Order queue</source>
        <translation>Bestellwarteschlange</translation>
    </message>
    <message>
        <source>All-day counts</source>
        <translation>Tageszählung</translation>
    </message>
</context>
<context>
    <name>TableTap::Outbox</name>
    <message>
        <source>no confirmation from the server within %1 s</source>
        <translation>keine Bestätigung vom Server innerhalb von %1 s</translation>
    </message>
    <message>
        <source>the link dropped after it was sent: the server may have applied it</source>
        <translation>die Verbindung brach nach dem Senden ab: der Server hat es vielleicht ausgeführt</translation>
    </message>
    <message>
        <source>the link was replaced after it was sent</source>
        <translation>die Verbindung wurde nach dem Senden ersetzt</translation>
    </message>
    <message>
        <source>the outbox is full: %1 actions wait for the hub; retry or discard some first</source>
        <translation>der Postausgang ist voll: %1 Aktionen warten auf den Hub; zuerst einige erneut senden oder verwerfen</translation>
    </message>
    <message>
        <source>waited more than %1 h: not sent by itself any more; retry or discard</source>
        <translation>wartet seit über %1 h: wird nicht mehr von selbst gesendet; erneut senden oder verwerfen</translation>
    </message>
    <message>
        <source>no answer after %1 attempts: retry or discard</source>
        <translation>keine Antwort nach %1 Versuchen: erneut senden oder verwerfen</translation>
    </message>
</context>
<context>
    <name>TableTap::OutboxModel</name>
    <message>
        <source>pending</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Hub says</source>
        <translation>Antwort des Hubs</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>TableTap::OutboxPanel</name>
    <message>
        <source>Show finished actions</source>
        <translation>Erledigte Aktionen zeigen</translation>
    </message>
    <message>
        <source>Actions wait here while the hub is unreachable and go out once, in order, when it is back.</source>
        <translation>Aktionen warten hier, solange der Hub nicht erreichbar ist, und gehen genau einmal und in Reihenfolge hinaus, sobald er wieder da ist.</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut senden</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Send the selected unconfirmed action again with its request id. Our hub applies it once; a server without request ids might apply it twice: look first.</source>
        <translation>Die gewählte unbestätigte Aktion erneut mit ihrer Anfrage-ID senden. Unser Hub führt sie nur einmal aus; ein Server ohne Anfrage-IDs könnte sie doppelt ausführen: erst nachsehen.</translation>
    </message>
    <message>
        <source>Take the selected action out of the outbox: it is never sent.</source>
        <translation>Die gewählte Aktion aus dem Postausgang nehmen: Sie wird nie gesendet.</translation>
    </message>
</context>
<context>
    <name>TableTap::OutboxStore</name>
    <message>
        <source>sent before the console closed, no answer: the server may have applied it</source>
        <translation>vor dem Schließen der Konsole gesendet, keine Antwort: Der Server hat sie vielleicht ausgeführt</translation>
    </message>
</context>
<context>
    <name>TableTap::PaymentModel</name>
    <message>
        <source>fee %1, net %2</source>
        <translation>Gebühr %1, netto %2</translation>
    </message>
    <message>
        <source>expires in %1:%2</source>
        <translation>läuft ab in %1:%2</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Einzelheiten</translation>
    </message>
</context>
<context>
    <name>TableTap::PaymentsView</name>
    <message>
        <source>&amp;Retry payment</source>
        <translation>Zahlung wie&amp;derholen</translation>
    </message>
    <message>
        <source>Show &amp;order</source>
        <translation>Bestellung zeige&amp;n</translation>
    </message>
    <message>
        <source>Start the same payment again (only when the provider allows a retry)</source>
        <translation>Dieselbe Zahlung erneut starten (nur wenn der Zahlungsdienst es erlaubt)</translation>
    </message>
    <message>
        <source>Con&amp;firm cash / QR received</source>
        <translation>Bar / QR-Eingang bestät&amp;igen</translation>
    </message>
    <message>
        <source>Live events only: this server offers no payment history. Payments appear here as they happen while this console is connected; taking and confirming payments here needs the Table Tap hub.</source>
        <translation>Nur Live-Ereignisse: Dieser Server bietet keinen Zahlungsverlauf. Zahlungen erscheinen hier, wenn sie geschehen, solange diese Konsole verbunden ist; Zahlungen annehmen und bestätigen geht nur mit dem Table-Tap-Hub.</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Beleg drucken</translation>
    </message>
    <message>
        <source>Print a receipt for the selected payment&apos;s order</source>
        <translation>Einen Beleg für die Bestellung der gewählten Zahlung drucken</translation>
    </message>
</context>
<context>
    <name>TableTap::PinDialog</name>
    <message>
        <source>Reset the PIN of %1</source>
        <translation>PIN von %1 zurücksetzen</translation>
    </message>
    <message>
        <source>The old PIN stops working and %1 is signed out everywhere: their consoles and device tokens need signing in again.</source>
        <translation>Die alte PIN gilt nicht mehr und %1 wird überall abgemeldet: Konsolen und Geräte-Token müssen neu angemeldet werden.</translation>
    </message>
</context>
<context>
    <name>TableTap::PinEntry</name>
    <message>
        <source>&amp;Type a PIN (4 to 12 digits)</source>
        <translation>PIN &amp;eingeben (4 bis 12 Ziffern)</translation>
    </message>
    <message>
        <source>&amp;Generate a PIN, shown once when the hub took it</source>
        <translation>PIN e&amp;rzeugen, einmal angezeigt, sobald der Hub sie übernommen hat</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Neue PIN</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>Neue PIN wiederholen</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <source>PIN &amp;again:</source>
        <translation>PIN &amp;wiederholen:</translation>
    </message>
    <message>
        <source>A PIN is 4 to 12 digits.</source>
        <translation>Eine PIN hat 4 bis 12 Ziffern.</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>Die beiden PINs stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>TableTap::PrintJob</name>
    <message>
        <source>Kitchen ticket</source>
        <translation>Küchenbon</translation>
    </message>
    <message>
        <source>Cup label</source>
        <translation>Becheretikett</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>Test page</source>
        <translation>Testseite</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>in der Warteschlange</translation>
    </message>
    <message>
        <source>printing</source>
        <translation>wird gedruckt</translation>
    </message>
    <message>
        <source>done</source>
        <translation>gedruckt</translation>
    </message>
    <message>
        <source>failed, will retry</source>
        <translation>fehlgeschlagen, neuer Versuch folgt</translation>
    </message>
    <message>
        <source>held</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>TableTap::PrintJobModel</name>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Theke</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Gedruckt</translation>
    </message>
</context>
<context>
    <name>TableTap::PrintLayouts</name>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>QR payment</source>
        <translation>QR-Zahlung</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>für %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Artikel</numerusform>
            <numerusform>%n Artikel</numerusform>
        </translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Bestellung %1</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>MwSt.</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>Trinkgeld</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Paid by %1</source>
        <translation>Bezahlt mit %1</translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation>Gegeben</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Rückgeld</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Vielen Dank!</translation>
    </message>
    <message>
        <source>Table Tap test page</source>
        <translation>Table-Tap-Testseite</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>Normaler Text</translation>
    </message>
    <message>
        <source>Bold text</source>
        <translation>Fetter Text</translation>
    </message>
    <message>
        <source>Double size</source>
        <translation>Doppelte Größe</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
</context>
<context>
    <name>TableTap::PrintService</name>
    <message>
        <source>Moved from %1</source>
        <translation>Verlegt von %1</translation>
    </message>
    <message>
        <source>No ticket printer is set up for counter %1 at this console.</source>
        <translation>An dieser Konsole ist für die Theke %1 kein Bondrucker eingerichtet.</translation>
    </message>
    <message>
        <source>The order is not in the queue.</source>
        <translation>Die Bestellung ist nicht in der Warteschlange.</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Nachdruck</translation>
    </message>
    <message>
        <source>The print queue is full.</source>
        <translation>Die Druckwarteschlange ist voll.</translation>
    </message>
    <message>
        <source>No receipt printer is set up at this console.</source>
        <translation>An dieser Konsole ist kein Belegdrucker eingerichtet.</translation>
    </message>
    <message>
        <source>Test page</source>
        <translation>Testseite</translation>
    </message>
</context>
<context>
    <name>TableTap::PrintSetup</name>
    <message>
        <source>two printers are called %1</source>
        <translation>zwei Drucker heißen %1</translation>
    </message>
    <message>
        <source>counter %1 prints to %2, which is not set up</source>
        <translation>Theke %1 druckt auf %2, der nicht eingerichtet ist</translation>
    </message>
</context>
<context>
    <name>TableTap::PrintSetupDialog</name>
    <message>
        <source>Printer set-up</source>
        <translation>Drucker einrichten</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Where (host:port, system printer, or folder)</source>
        <translation>Wo (Host:Port, Systemdrucker oder Ordner)</translation>
    </message>
    <message>
        <source>Ask for paper</source>
        <translation>Papier abfragen</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>Theken</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Theke</translation>
    </message>
    <message>
        <source>Ticket printer</source>
        <translation>Bondrucker</translation>
    </message>
    <message>
        <source>Label printer</source>
        <translation>Etikettendrucker</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Belegdrucker</translation>
    </message>
    <message>
        <source>Ticket on create</source>
        <translation>Bon bei Bestellung</translation>
    </message>
    <message>
        <source>Ticket on arrival</source>
        <translation>Bon bei Verlegung hierher</translation>
    </message>
    <message>
        <source>Cup labels</source>
        <translation>Becheretiketten</translation>
    </message>
    <message>
        <source>Receipt on payment</source>
        <translation>Beleg bei Zahlung</translation>
    </message>
    <message>
        <source>Add printer</source>
        <translation>Drucker hinzufügen</translation>
    </message>
    <message>
        <source>Remove printer</source>
        <translation>Drucker entfernen</translation>
    </message>
    <message>
        <source>Add counter</source>
        <translation>Theke hinzufügen</translation>
    </message>
    <message>
        <source>Printer %1</source>
        <translation>Drucker %1</translation>
    </message>
    <message>
        <source>Counter %1</source>
        <translation>Theke %1</translation>
    </message>
    <message>
        <source>Receipt header:</source>
        <translation>Kopfzeile des Belegs:</translation>
    </message>
    <message>
        <source>Printers this console reaches:</source>
        <translation>Drucker, die diese Konsole erreicht:</translation>
    </message>
    <message>
        <source>What prints where, per counter (set up only the counters this console prints for: two consoles set up for one counter print every ticket twice):</source>
        <translation>Was wo gedruckt wird, je Theke (nur die Theken einrichten, für die diese Konsole druckt: zwei Konsolen für eine Theke drucken jeden Bon zweimal):</translation>
    </message>
    <message>
        <source>Network (ESC/POS)</source>
        <translation>Netzwerk (ESC/POS)</translation>
    </message>
    <message>
        <source>System printer</source>
        <translation>Systemdrucker</translation>
    </message>
    <message>
        <source>PDF folder</source>
        <translation>PDF-Ordner</translation>
    </message>
    <message>
        <source>Please fix the set-up first:</source>
        <translation>Bitte zuerst die Einrichtung korrigieren:</translation>
    </message>
</context>
<context>
    <name>TableTap::PrintSpooler</name>
    <message>
        <source>cannot read %1</source>
        <translation>%1 ist nicht lesbar</translation>
    </message>
    <message>
        <source>%1 is not a print queue: %2</source>
        <translation>%1 ist keine Druckwarteschlange: %2</translation>
    </message>
</context>
<context>
    <name>TableTap::Printer</name>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>out of paper</source>
        <translation>kein Papier</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>not used yet</source>
        <translation>noch nicht benutzt</translation>
    </message>
</context>
<context>
    <name>TableTap::PrintingView</name>
    <message>
        <source>Test page</source>
        <translation>Testseite</translation>
    </message>
    <message>
        <source>Printer set-up…</source>
        <translation>Drucker einrichten…</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Nachdrucken</translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation>Auftrag abbrechen</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Jobs waiting</source>
        <translation>Wartende Aufträge</translation>
    </message>
    <message>
        <source>Print jobs</source>
        <translation>Druckaufträge</translation>
    </message>
    <message>
        <source>Print a test page on the selected printer</source>
        <translation>Eine Testseite auf dem gewählten Drucker drucken</translation>
    </message>
    <message>
        <source>Printers and, per counter, what prints where (managers)</source>
        <translation>Drucker und, je Theke, was wo gedruckt wird (Filialleitung)</translation>
    </message>
    <message>
        <source>Print the selected job again</source>
        <translation>Den gewählten Auftrag noch einmal drucken</translation>
    </message>
    <message>
        <source>Take the selected job out of the queue</source>
        <translation>Den gewählten Auftrag aus der Warteschlange nehmen</translation>
    </message>
    <message>
        <source>Try the selected job&apos;s printer again now</source>
        <translation>Den Drucker des gewählten Auftrags jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Jobs (newest first)</source>
        <translation>Aufträge (neueste zuerst)</translation>
    </message>
    <message numerus="yes">
        <source>%1 is %2 with %n job(s) waiting</source>
        <translation>
            <numerusform>%1: %2, %n Auftrag wartet</numerusform>
            <numerusform>%1: %2, %n Aufträge warten</numerusform>
        </translation>
    </message>
    <message>
        <source>No printers are set up at this console: nothing prints here.</source>
        <translation>An dieser Konsole sind keine Drucker eingerichtet: hier wird nichts gedruckt.</translation>
    </message>
</context>
<context>
    <name>TableTap::ProductEditorDialog</name>
    <message>
        <source>Ingredient</source>
        <translation>Zutat</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation>Rezept</translation>
    </message>
    <message>
        <source>Customization</source>
        <translation>Extra</translation>
    </message>
    <message>
        <source>Surcharge</source>
        <translation>Aufpreis</translation>
    </message>
    <message>
        <source>Customizations</source>
        <translation>Extras</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Neues Produkt</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Kategorie:</translation>
    </message>
    <message>
        <source>&amp;Price:</source>
        <translation>&amp;Preis:</translation>
    </message>
    <message>
        <source>&amp;Recipe (per unit sold):</source>
        <translation>&amp;Rezept (je verkauftem Stück):</translation>
    </message>
    <message>
        <source>C&amp;ustomizations:</source>
        <translation>E&amp;xtras:</translation>
    </message>
    <message>
        <source>Add &amp;ingredient</source>
        <translation>&amp;Zutat hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move ingredient</source>
        <translation>Zutat &amp;entfernen</translation>
    </message>
    <message>
        <source>Add customi&amp;zation</source>
        <translation>Extr&amp;a hinzufügen</translation>
    </message>
    <message>
        <source>Remove customizati&amp;on</source>
        <translation>Extra ent&amp;fernen</translation>
    </message>
    <message>
        <source>The product needs a name.</source>
        <translation>Das Produkt braucht einen Namen.</translation>
    </message>
    <message>
        <source>An ingredient is listed twice.</source>
        <translation>Eine Zutat steht doppelt in der Liste.</translation>
    </message>
    <message>
        <source>A customization is listed twice.</source>
        <translation>Ein Extra steht doppelt in der Liste.</translation>
    </message>
</context>
<context>
    <name>TableTap::QrCodePanel</name>
    <message>
        <source>No QR payment waiting</source>
        <translation>Keine QR-Zahlung offen</translation>
    </message>
    <message>
        <source>Start a QR payment from an order&apos;s details;
its code appears here for the customer to scan.</source>
        <translation>Eine QR-Zahlung in den Details einer Bestellung starten;
ihr Code erscheint hier zum Scannen für den Gast.</translation>
    </message>
    <message>
        <source>Scan to pay %1 — order %2</source>
        <translation>Scannen und %1 bezahlen — Bestellung %2</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>Kein Ablauf</translation>
    </message>
    <message>
        <source>This QR code has expired.
Start a new QR payment from the order&apos;s details.</source>
        <translation>Dieser QR-Code ist abgelaufen.
Eine neue QR-Zahlung in den Details der Bestellung starten.</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Expires in %1:%2</source>
        <translation>Läuft ab in %1:%2</translation>
    </message>
</context>
<context>
    <name>TableTap::ReadyBoardWindow</name>
    <message>
        <source>Order %1 is ready.</source>
        <translation>Bestellung %1 ist fertig.</translation>
    </message>
    <message>
        <source>%1, order %2 is ready.</source>
        <translation>%1, Bestellung %2 ist fertig.</translation>
    </message>
    <message numerus="yes">
        <source>+ %n more</source>
        <translation>
            <numerusform>+ %n weitere</numerusform>
            <numerusform>+ %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready board</source>
        <translation>Abholanzeige</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>In Zubereitung</translation>
    </message>
    <message>
        <source>Ready for pickup</source>
        <translation>Zur Abholung bereit</translation>
    </message>
    <message>
        <source>Call out names</source>
        <translation>Namen ansagen</translation>
    </message>
    <message>
        <source>Ring when ready</source>
        <translation>Klingeln, wenn fertig</translation>
    </message>
    <message>
        <source>Speak each customer&apos;s first name and order number when the order is ready</source>
        <translation>Vorname und Bestellnummer ansagen, sobald eine Bestellung fertig ist</translation>
    </message>
    <message>
        <source>This machine cannot speak (no Qt text-to-speech engine): play the order-ready sound instead</source>
        <translation>Dieser Rechner kann nicht sprechen (keine Qt-Sprachausgabe): stattdessen den Ton für fertige Bestellungen spielen</translation>
    </message>
</context>
<context>
    <name>TableTap::ReasonDialog</name>
    <message>
        <source>Move &amp;to:</source>
        <translation>&amp;An:</translation>
    </message>
    <message>
        <source>Type or pick a reason</source>
        <translation>Grund eingeben oder wählen</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
</context>
<context>
    <name>TableTap::ReportColumns</name>
    <message>
        <source>90th percentile</source>
        <translation>90. Perzentil</translation>
    </message>
    <message>
        <source>90th percentile prep</source>
        <translation>90. Perzentil Zubereitung</translation>
    </message>
    <message>
        <source>90th percentile wait</source>
        <translation>90. Perzentil Wartezeit</translation>
    </message>
    <message>
        <source>Allowance</source>
        <translation>Kontingent</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Durchschnitt</translation>
    </message>
    <message>
        <source>Average prep</source>
        <translation>Zubereitung im Schnitt</translation>
    </message>
    <message>
        <source>Average wait</source>
        <translation>Wartezeit im Schnitt</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Cancelled at</source>
        <translation>Storniert um</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Korrigiert</translation>
    </message>
    <message>
        <source>Corrected at</source>
        <translation>Korrigiert am</translation>
    </message>
    <message>
        <source>Corrected by</source>
        <translation>Korrigiert von</translation>
    </message>
    <message>
        <source>Corrected shifts</source>
        <translation>Korrigierte Schichten</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Theke</translation>
    </message>
    <message>
        <source>Customization</source>
        <translation>Extra</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Day-part</source>
        <translation>Tageszeit</translation>
    </message>
    <message>
        <source>Drinks</source>
        <translation>Getränke</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Fee kept</source>
        <translation>Einbehaltene Gebühr</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Gebühren</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>From minute</source>
        <translation>Ab Minute</translation>
    </message>
    <message>
        <source>Gross sales</source>
        <translation>Bruttoumsatz</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>Hourly rate</source>
        <translation>Stundenlohn</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Verspätet</translation>
    </message>
    <message>
        <source>Late after</source>
        <translation>Verspätet nach</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Median prep</source>
        <translation>Median Zubereitung</translation>
    </message>
    <message>
        <source>Median wait</source>
        <translation>Median Wartezeit</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Month to date</source>
        <translation>Monat bisher</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Never ready</source>
        <translation>Nie fertig</translation>
    </message>
    <message>
        <source>Not completed</source>
        <translation>Nicht abgeschlossen</translation>
    </message>
    <message>
        <source>Now break</source>
        <translation>Pause neu</translation>
    </message>
    <message>
        <source>Now in</source>
        <translation>Beginn neu</translation>
    </message>
    <message>
        <source>Now out</source>
        <translation>Ende neu</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>Offene Schicht</translation>
    </message>
    <message>
        <source>Open shifts</source>
        <translation>Offene Schichten</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Order total</source>
        <translation>Bestellsumme</translation>
    </message>
    <message>
        <source>Ordered at</source>
        <translation>Bestellt um</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Over allowance</source>
        <translation>Über Kontingent</translation>
    </message>
    <message>
        <source>Over warning</source>
        <translation>Über Warnschwelle</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Lohn</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Prep</source>
        <translation>Zubereitung</translation>
    </message>
    <message>
        <source>Prep time</source>
        <translation>Zubereitungszeit</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Ready at</source>
        <translation>Fertig um</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>Refunded at</source>
        <translation>Erstattet um</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Erstattungen</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Staff code</source>
        <translation>Personalnummer</translation>
    </message>
    <message>
        <source>Started at</source>
        <translation>Begonnen um</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>Angenommen von</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Tips</source>
        <translation>Trinkgeld</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>Warning after</source>
        <translation>Warnung nach</translation>
    </message>
    <message>
        <source>Was break</source>
        <translation>Pause vorher</translation>
    </message>
    <message>
        <source>Was in</source>
        <translation>Beginn vorher</translation>
    </message>
    <message>
        <source>Was out</source>
        <translation>Ende vorher</translation>
    </message>
    <message>
        <source>With a tip</source>
        <translation>Mit Trinkgeld</translation>
    </message>
    <message>
        <source>Within allowance</source>
        <translation>Im Kontingent</translation>
    </message>
</context>
<context>
    <name>TableTap::ReportsView</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>Bericht:</translation>
    </message>
    <message>
        <source>Day (Z) report</source>
        <translation>Tagesabschluss (Z-Bericht)</translation>
    </message>
    <message>
        <source>Speed of service</source>
        <translation>Servicegeschwindigkeit</translation>
    </message>
    <message>
        <source>Staff hours</source>
        <translation>Arbeitszeiten</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>Gewählte Tage</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>Letzte Woche</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>First business date</source>
        <translation>Erster Geschäftstag</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <source>Last business date</source>
        <translation>Letzter Geschäftstag</translation>
    </message>
    <message>
        <source>Ru&amp;n</source>
        <translation>Ausführe&amp;n</translation>
    </message>
    <message>
        <source>Ask the hub for this report</source>
        <translation>Diesen Bericht beim Hub abfragen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Save the report as a CSV file for a spreadsheet</source>
        <translation>Den Bericht als CSV-Datei für eine Tabellenkalkulation speichern</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Als PDF exportieren…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>Druckvorschau…</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>Choose a report and its dates, then Run.</source>
        <translation>Bericht und Tage wählen, dann Ausführen.</translation>
    </message>
    <message>
        <source>Asking the hub for the %1 of %2…</source>
        <translation>%1 für %2 wird beim Hub abgefragt…</translation>
    </message>
    <message>
        <source>Nothing happened on %1: no orders, payments or shifts.</source>
        <translation>Nichts los am %1: keine Bestellungen, Zahlungen oder Schichten.</translation>
    </message>
    <message>
        <source>The hub could not make this report: %1</source>
        <translation>Der Hub konnte diesen Bericht nicht erstellen: %1</translation>
    </message>
    <message>
        <source>Reports need a Table Tap hub: this server sends live events only and keeps no reports.</source>
        <translation>Berichte brauchen einen Table-Tap-Hub: dieser Server sendet nur Live-Ereignisse und führt keine Berichte.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Orders and sales by hour</source>
        <translation>Bestellungen und Umsatz nach Stunde</translation>
    </message>
    <message>
        <source>Orders and sales by part of the day</source>
        <translation>Bestellungen und Umsatz nach Tageszeit</translation>
    </message>
    <message>
        <source>Product mix</source>
        <translation>Verkaufte Produkte</translation>
    </message>
    <message>
        <source>Customizations</source>
        <translation>Extras</translation>
    </message>
    <message>
        <source>Payments by method</source>
        <translation>Zahlungen nach Zahlungsart</translation>
    </message>
    <message>
        <source>Tips by who took the order</source>
        <translation>Trinkgeld nach Annahme der Bestellung</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Erstattungen</translation>
    </message>
    <message>
        <source>Voided payments</source>
        <translation>Stornierte Zahlungen</translation>
    </message>
    <message>
        <source>Cancelled orders</source>
        <translation>Stornierte Bestellungen</translation>
    </message>
    <message>
        <source>Cancellations by reason</source>
        <translation>Stornierungen nach Grund</translation>
    </message>
    <message>
        <source>Staff drinks against allowances</source>
        <translation>Personalgetränke gegen Kontingent</translation>
    </message>
    <message>
        <source>Prep time by counter</source>
        <translation>Zubereitungszeit nach Theke</translation>
    </message>
    <message>
        <source>Prep time by product</source>
        <translation>Zubereitungszeit nach Produkt</translation>
    </message>
    <message>
        <source>Prep time distribution</source>
        <translation>Verteilung der Zubereitungszeit</translation>
    </message>
    <message>
        <source>Late tickets</source>
        <translation>Verspätete Bestellungen</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Hours and pay by person and day</source>
        <translation>Stunden und Lohn nach Person und Tag</translation>
    </message>
    <message>
        <source>Payroll by person</source>
        <translation>Lohnabrechnung nach Person</translation>
    </message>
    <message>
        <source>Timesheet corrections</source>
        <translation>Korrekturen der Arbeitszeiten</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Keine.</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Business dates</source>
        <translation>Geschäftstage</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Times in</source>
        <translation>Uhrzeiten in</translation>
    </message>
    <message>
        <source>Nothing in this period.</source>
        <translation>Nichts in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>There is no report to export yet.</source>
        <translation>Es gibt noch keinen Bericht zum Exportieren.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export the report as CSV</source>
        <translation>Bericht als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV-Export</translation>
    </message>
    <message>
        <source>Export the report as PDF</source>
        <translation>Bericht als PDF exportieren</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>PDF-Export</translation>
    </message>
    <message>
        <source>Print the report</source>
        <translation>Bericht drucken</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Druckvorschau</translation>
    </message>
</context>
<context>
    <name>TableTap::SettingsDialog</name>
    <message>
        <source>Chime when a new order arrives</source>
        <translation>Ton bei neuer Bestellung</translation>
    </message>
    <message>
        <source>Console settings</source>
        <translation>Konsolen-Einstellungen</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Order queue colours</source>
        <translation>Farben der Warteschlange</translation>
    </message>
    <message>
        <source>Amber after:</source>
        <translation>Gelb nach:</translation>
    </message>
    <message>
        <source>Red (late) after:</source>
        <translation>Rot (verspätet) nach:</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Toasts shown at once:</source>
        <translation>Gleichzeitig angezeigte Hinweise:</translation>
    </message>
    <message>
        <source>Toasts disappear after:</source>
        <translation>Hinweise verschwinden nach:</translation>
    </message>
    <message>
        <source>Critical stock alert sounds again every:</source>
        <translation>Kritische Lagerwarnung ertönt erneut alle:</translation>
    </message>
    <message>
        <source>Toasts for orders ready</source>
        <translation>Hinweise zu fertigen Bestellungen</translation>
    </message>
    <message>
        <source>Toasts for stock alerts</source>
        <translation>Hinweise zu Lagerwarnungen</translation>
    </message>
    <message>
        <source>Toasts for refused actions</source>
        <translation>Hinweise zu abgelehnten Aktionen</translation>
    </message>
    <message>
        <source>Toasts for failed payments</source>
        <translation>Hinweise zu fehlgeschlagenen Zahlungen</translation>
    </message>
</context>
<context>
    <name>TableTap::ShiftListModel</name>
    <message>
        <source>open over 12 h</source>
        <translation>über 12 Std. offen</translation>
    </message>
    <message>
        <source>missed break</source>
        <translation>Pause fehlt</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>corrected (%n)</source>
        <translation>
            <numerusform>korrigiert (%n)</numerusform>
            <numerusform>korrigiert (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>Shift date</source>
        <translation>Schichtdatum</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Kommen</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Gehen</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Lohn</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
</context>
<context>
    <name>TableTap::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Switch view (queue, counters, inventory, timesheets, payments, dashboard, event log, hub)</source>
        <translation>Ansicht wechseln (Warteschlange, Theken, Lager, Zeiten, Zahlungen, Übersicht, Ereignisse, Hub)</translation>
    </message>
    <message>
        <source>Move through the queue</source>
        <translation>Durch die Warteschlange bewegen</translation>
    </message>
    <message>
        <source>Space / Enter</source>
        <translation>Leertaste / Eingabe</translation>
    </message>
    <message>
        <source>Advance the selected order (pending → preparing → ready → completed)</source>
        <translation>Die gewählte Bestellung weiterschalten (offen → in Zubereitung → fertig → abgeschlossen)</translation>
    </message>
    <message>
        <source>Recall the last status change (for a minute)</source>
        <translation>Die letzte Statusänderung zurückholen (eine Minute lang)</translation>
    </message>
    <message>
        <source>Cancel the selected order (managers)</source>
        <translation>Die gewählte Bestellung stornieren (Filialleitung)</translation>
    </message>
    <message>
        <source>Move the selected order to another counter (managers)</source>
        <translation>Die gewählte Bestellung an eine andere Theke geben (Filialleitung)</translation>
    </message>
    <message>
        <source>Search the queue; Esc clears and returns to the queue</source>
        <translation>Warteschlange durchsuchen; Esc leert die Suche und kehrt zur Warteschlange zurück</translation>
    </message>
    <message>
        <source>Alt+O</source>
        <translation>Alt+N</translation>
    </message>
    <message>
        <source>Choose the counter to follow</source>
        <translation>Theke wählen, der gefolgt wird</translation>
    </message>
    <message>
        <source>Acknowledge the selected stock alert</source>
        <translation>Die gewählte Lagerwarnung quittieren</translation>
    </message>
    <message>
        <source>Acknowledge all stock alerts</source>
        <translation>Alle Lagerwarnungen quittieren</translation>
    </message>
    <message>
        <source>Clock in</source>
        <translation>Einstempeln</translation>
    </message>
    <message>
        <source>Clock out</source>
        <translation>Ausstempeln</translation>
    </message>
    <message>
        <source>Record a staff drink</source>
        <translation>Personalgetränk erfassen</translation>
    </message>
    <message>
        <source>Show or hide the outbox</source>
        <translation>Ausgang zeigen oder verbergen</translation>
    </message>
    <message>
        <source>Dismiss notifications</source>
        <translation>Hinweise schließen</translation>
    </message>
    <message>
        <source>Mute or unmute sounds</source>
        <translation>Töne stumm- oder wieder einschalten</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>Diese Liste</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Taste</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Open the counter display (its own keys: the Keys… button there)</source>
        <translation>Die Thekenanzeige öffnen (eigene Tasten: dort die Schaltfläche Tasten…)</translation>
    </message>
    <message>
        <source>Open the customer ready board</source>
        <translation>Die Abholanzeige für die Gäste öffnen</translation>
    </message>
    <message>
        <source>Alt+N</source>
        <translation>Alt+N</translation>
    </message>
    <message>
        <source>Run the report (Reports, managers)</source>
        <translation>Bericht ausführen (Berichte, Filialleitung)</translation>
    </message>
</context>
<context>
    <name>TableTap::StaffDialog</name>
    <message>
        <source>Add a staff member</source>
        <translation>Mitarbeiter hinzufügen</translation>
    </message>
    <message>
        <source>Edit %1 (%2)</source>
        <translation>%1 (%2) bearbeiten</translation>
    </message>
    <message>
        <source>Cafe &amp;default</source>
        <translation>&amp;Café-Vorgabe</translation>
    </message>
    <message>
        <source>e.g. EMP007</source>
        <translation>z. B. EMP007</translation>
    </message>
    <message>
        <source> drinks a month</source>
        <translation> Getränke im Monat</translation>
    </message>
    <message>
        <source>Employee &amp;code:</source>
        <translation>Mitarbeiter&amp;nummer:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <source>&amp;Hourly rate:</source>
        <translation>&amp;Stundenlohn:</translation>
    </message>
    <message>
        <source>Drink &amp;allowance:</source>
        <translation>&amp;Getränkekontingent:</translation>
    </message>
    <message>
        <source>The employee code is 1 to 32 letters, digits, - or _.</source>
        <translation>Die Mitarbeiternummer besteht aus 1 bis 32 Buchstaben, Ziffern, - oder _.</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Geben Sie einen Namen ein.</translation>
    </message>
    <message>
        <source>Pick a role.</source>
        <translation>Wählen Sie eine Rolle.</translation>
    </message>
    <message>
        <source>Nothing changed yet.</source>
        <translation>Noch nichts geändert.</translation>
    </message>
</context>
<context>
    <name>TableTap::StaffModel</name>
    <message>
        <source>Employee</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>cafe default (%1)</source>
        <translation>Café-Vorgabe (%1)</translation>
    </message>
    <message>
        <source>cafe default</source>
        <translation>Café-Vorgabe</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hourly rate</source>
        <translation>Stundenlohn</translation>
    </message>
    <message>
        <source>Drinks / month</source>
        <translation>Getränke / Monat</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Letzte Anmeldung</translation>
    </message>
</context>
<context>
    <name>TableTap::StaffView</name>
    <message>
        <source>&amp;Add…</source>
        <translation>Hinzu&amp;fügen …</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>Disa&amp;ble…</source>
        <translation>S&amp;perren …</translation>
    </message>
    <message>
        <source>Set &amp;role…</source>
        <translation>&amp;Rolle ändern …</translation>
    </message>
    <message>
        <source>Reset PI&amp;N…</source>
        <translation>PI&amp;N zurücksetzen …</translation>
    </message>
    <message>
        <source>Rev&amp;oke sessions…</source>
        <translation>Sitzungen wi&amp;derrufen …</translation>
    </message>
    <message>
        <source>Device to&amp;ken…</source>
        <translation>Geräte-T&amp;oken …</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Aktual&amp;isieren</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Add someone who can sign in with a code and PIN</source>
        <translation>Jemanden hinzufügen, der sich mit Nummer und PIN anmelden kann</translation>
    </message>
    <message>
        <source>Change the name, hourly rate or drink allowance (Enter)</source>
        <translation>Name, Stundenlohn oder Getränkekontingent ändern (Eingabetaste)</translation>
    </message>
    <message>
        <source>Sign the person out everywhere: their consoles and device tokens stop working</source>
        <translation>Die Person überall abmelden: ihre Konsolen und Geräte-Token funktionieren nicht mehr</translation>
    </message>
    <message>
        <source>A long-lived token for a tablet, shown as a QR code</source>
        <translation>Ein langlebiges Token für ein Tablet, als QR-Code angezeigt</translation>
    </message>
    <message>
        <source>Live events only: this server offers no staff list. Managing staff needs the Table Tap hub.</source>
        <translation>Nur Live-Ereignisse: Dieser Server bietet keine Personalliste. Die Personalverwaltung braucht den Table-Tap-Hub.</translation>
    </message>
    <message>
        <source>The staff list could not be loaded: %1</source>
        <translation>Die Personalliste konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Not connected: the staff list loads once the console is online.</source>
        <translation>Nicht verbunden: Die Personalliste wird geladen, sobald die Konsole online ist.</translation>
    </message>
    <message>
        <source>Loading the staff list…</source>
        <translation>Personalliste wird geladen …</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Ena&amp;ble…</source>
        <translation>Ents&amp;perren …</translation>
    </message>
    <message>
        <source>Could not send: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Sent: %1</source>
        <translation>Gesendet: %1</translation>
    </message>
    <message>
        <source>add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>enable %1</source>
        <translation>%1 entsperren</translation>
    </message>
    <message>
        <source>Disable %1</source>
        <translation>%1 sperren</translation>
    </message>
    <message>
        <source>Disable %1? They can no longer sign in, and every console and device signed in as them is signed out now.</source>
        <translation>%1 sperren? Die Person kann sich nicht mehr anmelden, und jede Konsole und jedes Gerät, das als sie angemeldet ist, wird jetzt abgemeldet.</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <source>disable %1</source>
        <translation>%1 sperren</translation>
    </message>
    <message>
        <source>Role of %1</source>
        <translation>Rolle von %1</translation>
    </message>
    <message>
        <source>New role (they keep working on the consoles they are signed in to):</source>
        <translation>Neue Rolle (die Person arbeitet an den Konsolen weiter, an denen sie angemeldet ist):</translation>
    </message>
    <message>
        <source>make %1 %2</source>
        <translation>%1 wird %2</translation>
    </message>
    <message>
        <source>new PIN for %1</source>
        <translation>neue PIN für %1</translation>
    </message>
    <message>
        <source>Revoke sessions of %1</source>
        <translation>Sitzungen von %1 widerrufen</translation>
    </message>
    <message>
        <source>Sign %1 out everywhere? Every console, refresh token and device token of theirs stops working; they can sign in again with their PIN.</source>
        <translation>%1 überall abmelden? Jede Konsole, jedes Refresh-Token und jedes Geräte-Token der Person funktioniert nicht mehr; mit der PIN kann sie sich wieder anmelden.</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>revoke the sessions of %1</source>
        <translation>Sitzungen von %1 widerrufen</translation>
    </message>
    <message>
        <source>device token for %1</source>
        <translation>Geräte-Token für %1</translation>
    </message>
    <message>
        <source>Not done for %1: %2</source>
        <translation>Nicht erledigt für %1: %2</translation>
    </message>
    <message>
        <source>Done for %1.</source>
        <translation>Erledigt für %1.</translation>
    </message>
    <message>
        <source>New PIN for %1</source>
        <translation>Neue PIN für %1</translation>
    </message>
    <message>
        <source>The new PIN for %1 is

%2

Hand it over now: it is not shown again.</source>
        <translation>Die neue PIN für %1 lautet

%2

Geben Sie sie jetzt weiter: Sie wird nicht noch einmal angezeigt.</translation>
    </message>
</context>
<context>
    <name>TableTap::StatusStrip</name>
    <message>
        <source>orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>inventory</source>
        <translation>Lager</translation>
    </message>
    <message>
        <source>employees</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <source>system</source>
        <translation>System</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>Filialleitung</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>employee</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>Actions taken at this console and where each stands (Ctrl+O)</source>
        <translation>Aktionen dieser Konsole und ihr Stand (Strg+O)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>Transport to the hub</source>
        <translation>Verbindungsart zum Hub</translation>
    </message>
    <message>
        <source>Last event at %1</source>
        <translation>Letztes Ereignis um %1</translation>
    </message>
    <message>
        <source>No event yet</source>
        <translation>Noch kein Ereignis</translation>
    </message>
    <message>
        <source>Namespace %1 connected</source>
        <translation>Namensraum %1 verbunden</translation>
    </message>
    <message>
        <source>Namespace %1 NOT connected</source>
        <translation>Namensraum %1 NICHT verbunden</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Outbox: %1 waiting</source>
        <translation>Ausgang: %1 wartend</translation>
    </message>
    <message>
        <source>, %1 refused</source>
        <translation>, %1 abgelehnt</translation>
    </message>
    <message>
        <source>Demo time %1 (×%2)</source>
        <translation>Demo-Zeit %1 (×%2)</translation>
    </message>
    <message>
        <source>The demo cafe&apos;s simulated clock: %1 simulated seconds pass each real second. Every time and age in the console reads this clock.</source>
        <translation>Die simulierte Uhr des Demo-Cafés: pro echter Sekunde vergehen %1 simulierte Sekunden. Alle Zeiten und Alter in der Konsole folgen dieser Uhr.</translation>
    </message>
    <message>
        <source>Live events only — this server offers no snapshots</source>
        <translation>Nur Live-Ereignisse — kein Stand vom Server</translation>
    </message>
    <message>
        <source>The server answers no snapshot requests and no acks (it speaks the bare Table Tap event contract). The console shows what arrived since %1 and keeps it across reconnects, so it may be incomplete: orders, stock, shifts and payments from before, and whatever happened while the link was down, are missing. Actions are confirmed by their events.</source>
        <translation>Der Server beantwortet weder Standabfragen noch Bestätigungen (er spricht nur den Table-Tap-Ereignisvertrag). Die Konsole zeigt, was seit %1 ankam, und behält es über Neuverbindungen hinweg; es kann also unvollständig sein: Bestellungen, Bestand, Schichten und Zahlungen von vorher und alles, was während einer Verbindungspause geschah, fehlen. Aktionen werden durch ihre Ereignisse bestätigt.</translation>
    </message>
    <message>
        <source>Last reconnect without the events missed: %1</source>
        <translation>Letzte Neuverbindung ohne die verpassten Ereignisse: %1</translation>
    </message>
    <message>
        <source>, %1 unknown</source>
        <translation>, %1 unbekannt</translation>
    </message>
</context>
<context>
    <name>TableTap::StockAdjustDialog</name>
    <message>
        <source>Adjust stock: %1</source>
        <translation>Bestand ändern: %1</translation>
    </message>
    <message>
        <source>Delivery received (restock)</source>
        <translation>Lieferung erhalten (auffüllen)</translation>
    </message>
    <message>
        <source>Correction after a count (+/−)</source>
        <translation>Korrektur nach Zählung (+/−)</translation>
    </message>
    <message>
        <source>Waste (spilt, expired)</source>
        <translation>Schwund (verschüttet, abgelaufen)</translation>
    </message>
    <message>
        <source>Supplier, delivery note, reason…</source>
        <translation>Lieferant, Lieferschein, Grund…</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Quantity:</source>
        <translation>&amp;Menge:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Ergebnis:</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source> (below zero: not possible)</source>
        <translation> (unter null: nicht möglich)</translation>
    </message>
    <message>
        <source> (still under the reorder level of %1)</source>
        <translation> (immer noch unter dem Meldebestand von %1)</translation>
    </message>
</context>
<context>
    <name>TableTap::StockAlertModel</name>
    <message>
        <source>OUT</source>
        <translation>LEER</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Dringlichkeit</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Reorder at</source>
        <translation>Meldebestand</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellen</translation>
    </message>
    <message>
        <source>Affects</source>
        <translation>Betrifft</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Gemeldet</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Quittiert</translation>
    </message>
</context>
<context>
    <name>TableTap::SystemPrinter</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>the system has no default printer</source>
        <translation>das System hat keinen Standarddrucker</translation>
    </message>
    <message>
        <source>the system knows no printer called %1</source>
        <translation>das System kennt keinen Drucker namens %1</translation>
    </message>
    <message>
        <source>the printer cannot print now</source>
        <translation>der Drucker kann gerade nicht drucken</translation>
    </message>
    <message>
        <source>could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>TableTap::TicketItemRow</name>
    <message>
        <source>%1, made</source>
        <translation>%1, gemacht</translation>
    </message>
    <message>
        <source>Tap to mark it made or not made</source>
        <translation>Tippen, um es als gemacht oder nicht gemacht zu markieren</translation>
    </message>
</context>
<context>
    <name>TableTap::TicketTile</name>
    <message>
        <source>%1× %2</source>
        <translation>%1× %2</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>late</source>
        <translation>spät</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Making</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Picked up</source>
        <translation>Abgeholt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 für %2</translation>
    </message>
    <message>
        <source>No counter</source>
        <translation>Keine Theke</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Storniert: %1</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginnen</translation>
    </message>
    <message>
        <source>Bump</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Bump order %1: %2</source>
        <translation>Bestellung %1 weiterschalten: %2</translation>
    </message>
    <message>
        <source>Order %1 for %2</source>
        <translation>Bestellung %1 für %2</translation>
    </message>
    <message>
        <source>Ticket %1: %2</source>
        <translation>Bon %1: %2</translation>
    </message>
    <message>
        <source>%1, made</source>
        <translation>%1, gemacht</translation>
    </message>
    <message numerus="yes">
        <source>waiting %n minute(s)</source>
        <translation>
            <numerusform>wartet seit %n Minute</numerusform>
            <numerusform>wartet seit %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>an %1</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>ausgewählt</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>STORNIERT</translation>
    </message>
    <message>
        <source>MOVED HERE</source>
        <translation>HIERHER VERLEGT</translation>
    </message>
    <message>
        <source>MOVED HERE from %1</source>
        <translation>HIERHER VERLEGT von %1</translation>
    </message>
    <message>
        <source>MOVED to %1</source>
        <translation>VERLEGT nach %1</translation>
    </message>
    <message>
        <source>ITEMS CHANGED</source>
        <translation>ARTIKEL GEÄNDERT</translation>
    </message>
</context>
<context>
    <name>TableTap::TimesheetCorrectionDialog</name>
    <message>
        <source>Close the forgotten shift</source>
        <translation>Vergessene Schicht schließen</translation>
    </message>
    <message>
        <source>Correct the timesheet of %1</source>
        <translation>Zeiterfassung von %1 korrigieren</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Why (required): forgot to clock out, tablet was down…</source>
        <translation>Warum (Pflicht): Ausstempeln vergessen, Tablet war aus…</translation>
    </message>
    <message>
        <source>%1, %2: clocked in at %3, still open.</source>
        <translation>%1, %2: eingestempelt um %3, noch offen.</translation>
    </message>
    <message>
        <source>%1, %2: %3 to %4, break %5 min.</source>
        <translation>%1, %2: %3 bis %4, Pause %5 Min.</translation>
    </message>
    <message>
        <source>Clock-&amp;in:</source>
        <translation>&amp;Kommen:</translation>
    </message>
    <message>
        <source>Clock-&amp;out:</source>
        <translation>&amp;Gehen:</translation>
    </message>
    <message>
        <source>&amp;Break:</source>
        <translation>&amp;Pause:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>G&amp;rund:</translation>
    </message>
    <message>
        <source>&amp;Correct</source>
        <translation>Korr&amp;igieren</translation>
    </message>
    <message>
        <source>The clock-in is in the future.</source>
        <translation>Das Kommen liegt in der Zukunft.</translation>
    </message>
    <message>
        <source>The clock-out is in the future.</source>
        <translation>Das Gehen liegt in der Zukunft.</translation>
    </message>
    <message>
        <source>The clock-out must be after the clock-in.</source>
        <translation>Das Gehen muss nach dem Kommen liegen.</translation>
    </message>
    <message>
        <source>The break is longer than the shift.</source>
        <translation>Die Pause ist länger als die Schicht.</translation>
    </message>
    <message>
        <source>Nothing is changed yet.</source>
        <translation>Noch ist nichts geändert.</translation>
    </message>
    <message>
        <source>Give the reason for the correction.</source>
        <translation>Bitte den Grund der Korrektur angeben.</translation>
    </message>
</context>
<context>
    <name>TableTap::TimesheetModel</name>
    <message>
        <source>in</source>
        <translation>da</translation>
    </message>
    <message>
        <source>out</source>
        <translation>weg</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>In / out</source>
        <translation>Da / weg</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Hours today</source>
        <translation>Stunden heute</translation>
    </message>
    <message>
        <source>Pay today</source>
        <translation>Lohn heute</translation>
    </message>
    <message>
        <source>Drinks this month</source>
        <translation>Getränke diesen Monat</translation>
    </message>
</context>
<context>
    <name>TableTap::TimesheetsView</name>
    <message>
        <source>Clock &amp;out…</source>
        <translation>Ausstem&amp;peln…</translation>
    </message>
    <message>
        <source>Start your shift (Ctrl+I)</source>
        <translation>Schicht beginnen (Strg+I)</translation>
    </message>
    <message>
        <source>End your shift and enter your break (Ctrl+Shift+I)</source>
        <translation>Schicht beenden und Pause angeben (Strg+Umschalt+I)</translation>
    </message>
    <message>
        <source>Record a staff drink against your monthly allowance (Ctrl+D)</source>
        <translation>Personalgetränk auf das Monatskontingent buchen (Strg+D)</translation>
    </message>
    <message>
        <source>Nobody is clocked in.</source>
        <translation>Niemand ist eingestempelt.</translation>
    </message>
    <message>
        <source>In now (%1): %2</source>
        <translation>Jetzt da (%1): %2</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Nicht angemeldet.</translation>
    </message>
    <message>
        <source>You are clocked in since %1.</source>
        <translation>Sie sind seit %1 eingestempelt.</translation>
    </message>
    <message>
        <source>You are not clocked in.</source>
        <translation>Sie sind nicht eingestempelt.</translation>
    </message>
    <message>
        <source>Drinks this month: %1 of %2.</source>
        <translation>Getränke diesen Monat: %1 von %2.</translation>
    </message>
    <message>
        <source>Clocked in since %1.</source>
        <translation>Eingestempelt seit %1.</translation>
    </message>
    <message>
        <source>Used this month: %1 of %2.</source>
        <translation>Diesen Monat verbraucht: %1 von %2.</translation>
    </message>
    <message>
        <source>Clock i&amp;n</source>
        <translation>Einste&amp;mpeln</translation>
    </message>
    <message>
        <source>Record a d&amp;rink…</source>
        <translation>Getränk er&amp;fassen…</translation>
    </message>
    <message>
        <source>Live events only: this server offers no timesheets. People appear here as they clock in or out while this console is connected; clocking in and out and recording drinks here need the Table Tap hub.</source>
        <translation>Nur Live-Ereignisse: Dieser Server bietet keine Zeiterfassung. Personen erscheinen hier, wenn sie ein- oder ausstempeln, solange diese Konsole verbunden ist; Ein- und Ausstempeln und Getränke erfassen gehen hier nur mit dem Table-Tap-Hub.</translation>
    </message>
    <message>
        <source>Timesheets</source>
        <translation>Zeiterfassung</translation>
    </message>
    <message>
        <source>Correct shi&amp;ft…</source>
        <translation>Schicht korr&amp;igieren…</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Correct the selected shift&apos;s clock-in, clock-out or break, with a reason (managers)</source>
        <translation>Kommen, Gehen oder Pause der gewählten Schicht mit Grund korrigieren (Leitung)</translation>
    </message>
    <message>
        <source>Corrections of the selected shift</source>
        <translation>Korrekturen der gewählten Schicht</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Shifts of the last two weeks:</source>
        <translation>Schichten der letzten zwei Wochen:</translation>
    </message>
    <message>
        <source>Select a shift to see its corrections.</source>
        <translation>Eine Schicht wählen, um ihre Korrekturen zu sehen.</translation>
    </message>
    <message>
        <source>%1, %2: never corrected.</source>
        <translation>%1, %2: nie korrigiert.</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2: %n correction(s), the original first.</source>
        <translation>
            <numerusform>%1, %2: %n Korrektur, das Original zuerst.</numerusform>
            <numerusform>%1, %2: %n Korrekturen, das Original zuerst.</numerusform>
        </translation>
    </message>
    <message>
        <source>Warnings: %1.</source>
        <translation>Warnungen: %1.</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>in %1 → %2</source>
        <translation>Kommen %1 → %2</translation>
    </message>
    <message>
        <source>out %1 → %2</source>
        <translation>Gehen %1 → %2</translation>
    </message>
    <message>
        <source>break %1 → %2 min</source>
        <translation>Pause %1 → %2 Min.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>TableTap::ToastStack</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
</TS>
