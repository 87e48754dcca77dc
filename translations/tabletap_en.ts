<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>TableTap::AllDayModel</name>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>Preparing</translation>
    </message>
</context>
<context>
    <name>TableTap::CafeSettingsView</name>
    <message>
        <source>Tax rate</source>
        <translation>Tax rate</translation>
    </message>
    <message>
        <source>Tip suggestions</source>
        <translation>Tip suggestions</translation>
    </message>
    <message>
        <source>Preparation time</source>
        <translation>Preparation time</translation>
    </message>
    <message>
        <source>Added per waiting order</source>
        <translation>Added per waiting order</translation>
    </message>
    <message>
        <source>Stock update interval</source>
        <translation>Stock update interval</translation>
    </message>
    <message>
        <source>Staff drinks a month</source>
        <translation>Staff drinks a month</translation>
    </message>
    <message>
        <source>QR code valid for</source>
        <translation>QR code valid for</translation>
    </message>
    <message>
        <source>Recall window</source>
        <translation>Recall window</translation>
    </message>
    <message>
        <source>Order waiting long after</source>
        <translation>Order waiting long after</translation>
    </message>
    <message>
        <source>Order late after</source>
        <translation>Order late after</translation>
    </message>
    <message>
        <source>Business day starts at</source>
        <translation>Business day starts at</translation>
    </message>
    <message>
        <source>Break needed after</source>
        <translation>Break needed after</translation>
    </message>
    <message>
        <source>Shortest break that counts</source>
        <translation>Shortest break that counts</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
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
        <translation>drinks</translation>
    </message>
    <message>
        <source>%1 to %2 %3</source>
        <translation>%1 to %2 %3</translation>
    </message>
    <message>
        <source>fraction, 0 to %1 (0.0825 = 8.25 %)</source>
        <translation>fraction, 0 to %1 (0.0825 = 8.25 %)</translation>
    </message>
    <message>
        <source>up to %1 fractions, comma-separated (0.15 = 15 %)</source>
        <translation>up to %1 fractions, comma-separated (0.15 = 15 %)</translation>
    </message>
    <message>
        <source>HH:MM, cafe time; before it, it is still the day before</source>
        <translation>HH:MM, cafe time; before it, it is still the day before</translation>
    </message>
    <message>
        <source>IANA zone, e.g. Europe/Berlin, or UTC</source>
        <translation>IANA zone, e.g. Europe/Berlin, or UTC</translation>
    </message>
    <message>
        <source>ISO 4217 code, e.g. EUR</source>
        <translation>ISO 4217 code, e.g. EUR</translation>
    </message>
    <message>
        <source>Save setti&amp;ngs</source>
        <translation>Save setti&amp;ngs</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Revert</translation>
    </message>
    <message>
        <source>Save stoc&amp;k levels</source>
        <translation>Save stoc&amp;k levels</translation>
    </message>
    <message>
        <source>Cafe settings</source>
        <translation>Cafe settings</translation>
    </message>
    <message>
        <source>Low-stock levels</source>
        <translation>Low-stock levels</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>In stock</translation>
    </message>
    <message>
        <source>Reorder below</source>
        <translation>Reorder below</translation>
    </message>
    <message>
        <source>Fill up to</source>
        <translation>Fill up to</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Settings changes</source>
        <translation>Settings changes</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>Old → new</source>
        <translation>Old → new</translation>
    </message>
    <message>
        <source>Live events only: this server offers no settings. The cafe&apos;s settings can be changed here with the Table Tap hub.</source>
        <translation>Live events only: this server offers no settings. The cafe&apos;s settings can be changed here with the Table Tap hub.</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <source>Not saved: correct the marked fields.</source>
        <translation>Not saved: correct the marked fields.</translation>
    </message>
    <message>
        <source>Saving: %1…</source>
        <translation>Saving: %1…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Stock levels saved.</source>
        <translation>Stock levels saved.</translation>
    </message>
    <message>
        <source>Below this the item is low (0: never)</source>
        <translation>Below this the item is low (0: never)</translation>
    </message>
    <message>
        <source>What a reorder fills up to</source>
        <translation>What a reorder fills up to</translation>
    </message>
    <message>
        <source>%1: reorder_level must be a whole number, 0 or more</source>
        <translation>%1: reorder_level must be a whole number, 0 or more</translation>
    </message>
    <message>
        <source>%1: max_stock must be a whole number, 1 or more</source>
        <translation>%1: max_stock must be a whole number, 1 or more</translation>
    </message>
    <message>
        <source>%1: max_stock must be at least reorder_level (%2)</source>
        <translation>%1: max_stock must be at least reorder_level (%2)</translation>
    </message>
    <message>
        <source>No stock level changed.</source>
        <translation>No stock level changed.</translation>
    </message>
    <message numerus="yes">
        <source>Saving %n stock level(s)…</source>
        <translation>
            <numerusform>Saving %n stock level…</numerusform>
            <numerusform>Saving %n stock levels…</numerusform>
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
        <translation>Open console</translation>
    </message>
    <message>
        <source>Opens the selected cafe&apos;s console in a window of its own, signed in as an admin of that cafe</source>
        <translation>Opens the selected cafe&apos;s console in a window of its own, signed in as an admin of that cafe</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Cafe</source>
        <translation>Cafe</translation>
    </message>
    <message>
        <source>Business date</source>
        <translation>Business date</translation>
    </message>
    <message>
        <source>Orders today</source>
        <translation>Orders today</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation>Open orders</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Stock alerts</source>
        <translation>Stock alerts</translation>
    </message>
    <message>
        <source>Staff in</source>
        <translation>Staff in</translation>
    </message>
    <message>
        <source>Cafes of this hub</source>
        <translation>Cafes of this hub</translation>
    </message>
    <message>
        <source>the hub did not answer: %1</source>
        <translation>the hub did not answer: %1</translation>
    </message>
    <message numerus="yes">
        <source>Total (%n cafe(s))</source>
        <translation>
            <numerusform>Total (%n cafe)</numerusform>
            <numerusform>Total (%n cafes)</numerusform>
        </translation>
    </message>
    <message>
        <source>mixed currencies</source>
        <translation>mixed currencies</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>%1 could not be opened: %2</translation>
    </message>
    <message>
        <source>Last refreshed %1 (every 30 seconds)</source>
        <translation>Last refreshed %1 (every 30 seconds)</translation>
    </message>
    <message>
        <source>Not refreshed yet</source>
        <translation>Not refreshed yet</translation>
    </message>
</context>
<context>
    <name>TableTap::ClockOutDialog</name>
    <message>
        <source>Clock out</source>
        <translation>Clock out</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Break taken:</source>
        <translation>&amp;Break taken:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note:</translation>
    </message>
</context>
<context>
    <name>TableTap::ConnectDialog</name>
    <message>
        <source>Connect to a Table Tap hub</source>
        <translation>Connect to a Table Tap hub</translation>
    </message>
    <message>
        <source>optional when the hub serves one cafe</source>
        <translation>optional when the hub serves one cafe</translation>
    </message>
    <message>
        <source>Paste the access token (a JWT) here</source>
        <translation>Paste the access token (a JWT) here</translation>
    </message>
    <message>
        <source>&amp;Hub address:</source>
        <translation>&amp;Hub address:</translation>
    </message>
    <message>
        <source>C&amp;afe:</source>
        <translation>C&amp;afe:</translation>
    </message>
    <message>
        <source>&amp;Employee code:</source>
        <translation>&amp;Employee code:</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <source>Hub a&amp;ddress:</source>
        <translation>Hub a&amp;ddress:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Connect</translation>
    </message>
    <message>
        <source>Start a hub on this computer (demo cafe)</source>
        <translation>Start a hub on this computer (demo cafe)</translation>
    </message>
    <message>
        <source>Runs the in-store hub inside the console with the simulator and signs in to it as a manager</source>
        <translation>Runs the in-store hub inside the console with the simulator and signs in to it as a manager</translation>
    </message>
    <message>
        <source>The hub&apos;s token does not name a user and a cafe.</source>
        <translation>The hub&apos;s token does not name a user and a cafe.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Enter the hub&apos;s address, like http://cafe-pc:3000.</source>
        <translation>Enter the hub&apos;s address, like http://cafe-pc:3000.</translation>
    </message>
    <message>
        <source>Enter your employee code and PIN.</source>
        <translation>Enter your employee code and PIN.</translation>
    </message>
    <message>
        <source>That is not a Table Tap access token (it must name a user and a cafe).</source>
        <translation>That is not a Table Tap access token (it must name a user and a cafe).</translation>
    </message>
    <message>
        <source>Use a t&amp;oken</source>
        <translation>Use a t&amp;oken</translation>
    </message>
    <message>
        <source>only for an https hub with the shop&apos;s own CA</source>
        <translation>only for an https hub with the shop&apos;s own CA</translation>
    </message>
    <message>
        <source>A PEM file with the certificate authority that signed the hub&apos;s certificate; trusted on top of the system&apos;s</source>
        <translation>A PEM file with the certificate authority that signed the hub&apos;s certificate; trusted on top of the system&apos;s</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Certificate authority of the hub</source>
        <translation>Certificate authority of the hub</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM certificates (*.pem *.crt);;All files (*)</translation>
    </message>
    <message>
        <source>CA cert&amp;ificate (PEM):</source>
        <translation>CA cert&amp;ificate (PEM):</translation>
    </message>
</context>
<context>
    <name>TableTap::ConsoleCommandLine</name>
    <message>
        <source>unexpected argument: %1</source>
        <translation>unexpected argument: %1</translation>
    </message>
    <message>
        <source>--screenshot-delay needs milliseconds</source>
        <translation>--screenshot-delay needs milliseconds</translation>
    </message>
    <message>
        <source>--token needs --hub</source>
        <translation>--token needs --hub</translation>
    </message>
    <message>
        <source>--demo runs its own hub; leave out --hub</source>
        <translation>--demo runs its own hub; leave out --hub</translation>
    </message>
    <message>
        <source>not a hub address: %1</source>
        <translation>not a hub address: %1</translation>
    </message>
    <message>
        <source>no translation for language %1 (available: en, de)</source>
        <translation>no translation for language %1 (available: en, de)</translation>
    </message>
    <message>
        <source>tabletap: the token does not name a user and a cafe (see tabletap --help)</source>
        <translation>tabletap: the token does not name a user and a cafe (see tabletap --help)</translation>
    </message>
    <message>
        <source>--demo-speed needs a number from 0.1 to 3600</source>
        <translation>--demo-speed needs a number from 0.1 to 3600</translation>
    </message>
    <message>
        <source>no view called %1 (views: %2)</source>
        <translation>no view called %1 (views: %2)</translation>
    </message>
    <message>
        <source>The hub could not start</source>
        <translation>The hub could not start</translation>
    </message>
    <message>
        <source>tabletap: the demo hub could not start: %1</source>
        <translation>tabletap: the demo hub could not start: %1</translation>
    </message>
    <message>
        <source>--demo-start needs a time like 08:00</source>
        <translation>--demo-start needs a time like 08:00</translation>
    </message>
    <message>
        <source>--demo-speed, --demo-start and --data go with --demo</source>
        <translation>--demo-speed, --demo-start and --data go with --demo</translation>
    </message>
    <message>
        <source>tabletap: no display (DISPLAY and WAYLAND_DISPLAY are not set); to run the hub without a screen use: tabletap-hub serve --data DIR --port 3000</source>
        <translation>tabletap: no display (DISPLAY and WAYLAND_DISPLAY are not set); to run the hub without a screen use: tabletap-hub serve --data DIR --port 3000</translation>
    </message>
    <message>
        <source>--ca-file: no PEM certificate in %1</source>
        <translation>--ca-file: no PEM certificate in %1</translation>
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
        <translation>Usage: tabletap [--hub URL [--token TOKEN]] [--demo] [--lang CODE]

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
</translation>
    </message>
</context>
<context>
    <name>TableTap::ConsoleSession</name>
    <message>
        <source>attempt %1 in %2 ms</source>
        <translation>attempt %1 in %2 ms</translation>
    </message>
    <message>
        <source>recovered: missed events replayed</source>
        <translation>recovered: missed events replayed</translation>
    </message>
    <message>
        <source>new session: loading snapshot</source>
        <translation>new session: loading snapshot</translation>
    </message>
    <message>
        <source>not understood: %1</source>
        <translation>not understood: %1</translation>
    </message>
    <message>
        <source>dropped: another cafe&apos;s event</source>
        <translation>dropped: another cafe&apos;s event</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Recalled</source>
        <translation>Recalled</translation>
    </message>
    <message>
        <source>cancel %1</source>
        <translation>cancel %1</translation>
    </message>
    <message>
        <source>move %1 to %2</source>
        <translation>move %1 to %2</translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <source>clock in</source>
        <translation>clock in</translation>
    </message>
    <message>
        <source>clock out</source>
        <translation>clock out</translation>
    </message>
    <message>
        <source>drink: %1× %2</source>
        <translation>drink: %1× %2</translation>
    </message>
    <message>
        <source>%1 payment for %2</source>
        <translation>%1 payment for %2</translation>
    </message>
    <message>
        <source>confirm payment for %1</source>
        <translation>confirm payment for %1</translation>
    </message>
    <message>
        <source>%1 out: %2 %3 waiting</source>
        <translation>%1 out: %2 %3 waiting</translation>
    </message>
    <message>
        <source>%1 %2 waiting, %3 portions of %4 left</source>
        <translation>%1 %2 waiting, %3 portions of %4 left</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnecting…</translation>
    </message>
    <message>
        <source>No heartbeat from the hub</source>
        <translation>No heartbeat from the hub</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <source>nothing to confirm</source>
        <translation>nothing to confirm</translation>
    </message>
    <message>
        <source>this server offers no snapshots: live events only</source>
        <translation>this server offers no snapshots: live events only</translation>
    </message>
    <message>
        <source>unknown: %1</source>
        <translation>unknown: %1</translation>
    </message>
    <message>
        <source>new session: events missed meanwhile are lost (this server offers no snapshots)</source>
        <translation>new session: events missed meanwhile are lost (this server offers no snapshots)</translation>
    </message>
    <message>
        <source>this server offers no payment list to find the payment in</source>
        <translation>this server offers no payment list to find the payment in</translation>
    </message>
    <message>
        <source>%1: %2 made</source>
        <translation>%1: %2 made</translation>
    </message>
    <message>
        <source>%1: %2 not made</source>
        <translation>%1: %2 not made</translation>
    </message>
    <message>
        <source>the saved outbox could not be read: %1</source>
        <translation>the saved outbox could not be read: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) saved at the last close wait again</source>
        <translation>
            <numerusform>%n action saved at the last close waits again</numerusform>
            <numerusform>%n actions saved at the last close wait again</numerusform>
        </translation>
    </message>
    <message>
        <source>the outbox could not be saved: %1</source>
        <translation>the outbox could not be saved: %1</translation>
    </message>
    <message>
        <source>acknowledge %1 alert</source>
        <translation>acknowledge %1 alert</translation>
    </message>
    <message>
        <source>not connected to the hub</source>
        <translation>not connected to the hub</translation>
    </message>
    <message>
        <source>no answer from the hub</source>
        <translation>no answer from the hub</translation>
    </message>
    <message>
        <source>add %1 to the menu</source>
        <translation>add %1 to the menu</translation>
    </message>
    <message>
        <source>change %1 on the menu</source>
        <translation>change %1 on the menu</translation>
    </message>
    <message>
        <source>retire %1</source>
        <translation>retire %1</translation>
    </message>
    <message>
        <source>bring back %1</source>
        <translation>bring back %1</translation>
    </message>
    <message numerus="yes">
        <source>replace the menu (%n products)</source>
        <translation>
            <numerusform>replace the menu (%n product)</numerusform>
            <numerusform>replace the menu (%n products)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>import %n products into the menu</source>
        <translation>
            <numerusform>import %n product into the menu</numerusform>
            <numerusform>import %n products into the menu</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 back on sale</source>
        <translation>%1 back on sale</translation>
    </message>
    <message>
        <source>%1 off sale: %2</source>
        <translation>%1 off sale: %2</translation>
    </message>
    <message>
        <source>settings: %1</source>
        <translation>settings: %1</translation>
    </message>
    <message>
        <source>stock levels of %1</source>
        <translation>stock levels of %1</translation>
    </message>
    <message>
        <source>correct the timesheet of %1</source>
        <translation>correct the timesheet of %1</translation>
    </message>
</context>
<context>
    <name>TableTap::CounterModel</name>
    <message>
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>Preparing</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
</context>
<context>
    <name>TableTap::CountersView</name>
    <message>
        <source>Take %1 out of service</source>
        <translation>Take %1 out of service</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Open %1</translation>
    </message>
    <message>
        <source>Put %1 back in service: new orders may go to it again.</source>
        <translation>Put %1 back in service: new orders may go to it again.</translation>
    </message>
    <message>
        <source>Equipment maintenance</source>
        <translation>Equipment maintenance</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Break</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Closing</translation>
    </message>
    <message>
        <source>Back from maintenance</source>
        <translation>Back from maintenance</translation>
    </message>
    <message>
        <source>Rush hour</source>
        <translation>Rush hour</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Opening</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n open order(s); the hub moves them to the other active counters.</source>
        <translation>
            <numerusform>%1 has %n open order; the hub moves it to the other active counters.</numerusform>
            <numerusform>%1 has %n open orders; the hub moves them to the other active counters.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sh&amp;ow in queue</source>
        <translation>Sh&amp;ow in queue</translation>
    </message>
    <message>
        <source>Ta&amp;ke out of service…</source>
        <translation>Ta&amp;ke out of service…</translation>
    </message>
    <message>
        <source>Put &amp;back in service…</source>
        <translation>Put &amp;back in service…</translation>
    </message>
    <message>
        <source>Live events only: this server offers no counter list. A counter appears here when its status changes; taking a counter out of service needs the Table Tap hub.</source>
        <translation>Live events only: this server offers no counter list. A counter appears here when its status changes; taking a counter out of service needs the Table Tap hub.</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>Counters</translation>
    </message>
</context>
<context>
    <name>TableTap::DashboardModel</name>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Avg prep (min)</source>
        <translation>Avg prep (min)</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Revenue</translation>
    </message>
</context>
<context>
    <name>TableTap::DashboardView</name>
    <message>
        <source>Orders today</source>
        <translation>Orders today</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>Open now</translation>
    </message>
    <message>
        <source>Revenue today</source>
        <translation>Revenue today</translation>
    </message>
    <message>
        <source>Average prep time</source>
        <translation>Average prep time</translation>
    </message>
    <message>
        <source>Staff in</source>
        <translation>Staff in</translation>
    </message>
    <message>
        <source>Orders per %1 minutes</source>
        <translation>Orders per %1 minutes</translation>
    </message>
    <message>
        <source>Average prep time (minutes)</source>
        <translation>Average prep time (minutes)</translation>
    </message>
    <message>
        <source>Revenue per %1 minutes</source>
        <translation>Revenue per %1 minutes</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Stock as % of reorder level</source>
        <translation>Stock as % of reorder level</translation>
    </message>
    <message>
        <source>below reorder level</source>
        <translation>below reorder level</translation>
    </message>
    <message>
        <source>above reorder level</source>
        <translation>above reorder level</translation>
    </message>
    <message>
        <source>Live events only: this server offers no day so far. The figures and charts count only what happened while this console was connected.</source>
        <translation>Live events only: this server offers no day so far. The figures and charts count only what happened while this console was connected.</translation>
    </message>
    <message>
        <source>Finished today</source>
        <translation>Finished today</translation>
    </message>
    <message>
        <source>Cancelled today</source>
        <translation>Cancelled today</translation>
    </message>
    <message>
        <source>yesterday %1 · last %2 %3</source>
        <translation>yesterday %1 · last %2 %3</translation>
    </message>
    <message>
        <source>reports need a Table Tap hub, and this server sends live events only</source>
        <translation>reports need a Table Tap hub, and this server sends live events only</translation>
    </message>
    <message>
        <source>not connected to the hub</source>
        <translation>not connected to the hub</translation>
    </message>
    <message>
        <source>Asking the hub for yesterday&apos;s and last week&apos;s figures…</source>
        <translation>Asking the hub for yesterday&apos;s and last week&apos;s figures…</translation>
    </message>
    <message>
        <source>Compared with yesterday (%1) and the same day last week (%2).</source>
        <translation>Compared with yesterday (%1) and the same day last week (%2).</translation>
    </message>
    <message>
        <source>Comparison with yesterday and last week unavailable: %1</source>
        <translation>Comparison with yesterday and last week unavailable: %1</translation>
    </message>
</context>
<context>
    <name>TableTap::DataWords</name>
    <message>
        <source>card</source>
        <translation>card</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>cash</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>QR code</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>processing</source>
        <translation>processing</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>paid</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>refunded</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expired</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>out of service</source>
        <translation>out of service</translation>
    </message>
    <message>
        <source>low</source>
        <translation>low</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>medium</translation>
    </message>
    <message>
        <source>high</source>
        <translation>high</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critical</translation>
    </message>
</context>
<context>
    <name>TableTap::DeviceTokenDialog</name>
    <message>
        <source>&amp;Mint token</source>
        <translation>&amp;Mint token</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Device token for %1</source>
        <translation>Device token for %1</translation>
    </message>
    <message>
        <source>A tablet signed in with this token acts as %1 with their role, until it expires or their sessions are revoked. Scan the code on the tablet (or paste the text into its “Use a token” sign-in). It is shown only now.</source>
        <translation>A tablet signed in with this token acts as %1 with their role, until it expires or their sessions are revoked. Scan the code on the tablet (or paste the text into its “Use a token” sign-in). It is shown only now.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>e.g. Bar tablet</source>
        <translation>e.g. Bar tablet</translation>
    </message>
    <message>
        <source>Token as a QR code</source>
        <translation>Token as a QR code</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>&amp;Valid for:</source>
        <translation>&amp;Valid for:</translation>
    </message>
    <message>
        <source>Device &amp;label:</source>
        <translation>Device &amp;label:</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Copied.</translation>
    </message>
    <message>
        <source>Asking the hub for a token…</source>
        <translation>Asking the hub for a token…</translation>
    </message>
    <message>
        <source>No token: %1</source>
        <translation>No token: %1</translation>
    </message>
    <message>
        <source>Valid until %1.</source>
        <translation>Valid until %1.</translation>
    </message>
    <message>
        <source>Token minted.</source>
        <translation>Token minted.</translation>
    </message>
</context>
<context>
    <name>TableTap::DisplayKeyMap</name>
    <message>
        <source>Select ticket %1</source>
        <translation>Select ticket %1</translation>
    </message>
    <message>
        <source>Bump (next step)</source>
        <translation>Bump (next step)</translation>
    </message>
    <message>
        <source>Bump to ready</source>
        <translation>Bump to ready</translation>
    </message>
    <message>
        <source>Recall (press again for earlier bumps)</source>
        <translation>Recall (press again for earlier bumps)</translation>
    </message>
    <message>
        <source>Tick the next item as made</source>
        <translation>Tick the next item as made</translation>
    </message>
    <message>
        <source>Previous ticket</source>
        <translation>Previous ticket</translation>
    </message>
    <message>
        <source>Next ticket</source>
        <translation>Next ticket</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Next page</translation>
    </message>
</context>
<context>
    <name>TableTap::DisplayKeyMapDialog</name>
    <message>
        <source>Counter display keys</source>
        <translation>Counter display keys</translation>
    </message>
    <message>
        <source>Click a field and press the key (or bump bar button) for the action.</source>
        <translation>Click a field and press the key (or bump bar button) for the action.</translation>
    </message>
    <message>
        <source>Save the keys</source>
        <translation>Save the keys</translation>
    </message>
    <message>
        <source>Keep the keys as they were</source>
        <translation>Keep the keys as they were</translation>
    </message>
    <message>
        <source>Restore the default keys</source>
        <translation>Restore the default keys</translation>
    </message>
    <message>
        <source>One key for two actions: %1</source>
        <translation>One key for two actions: %1</translation>
    </message>
</context>
<context>
    <name>TableTap::DisplayView</name>
    <message>
        <source>Keys…</source>
        <translation>Keys…</translation>
    </message>
    <message>
        <source>◀ Previous page</source>
        <translation>◀ Previous page</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>Next page ▶</source>
        <translation>Next page ▶</translation>
    </message>
    <message>
        <source>Counter display</source>
        <translation>Counter display</translation>
    </message>
    <message>
        <source>Counter shown on this display</source>
        <translation>Counter shown on this display</translation>
    </message>
    <message>
        <source>Change the display&apos;s keys</source>
        <translation>Change the display&apos;s keys</translation>
    </message>
    <message>
        <source>Previous page of tickets</source>
        <translation>Previous page of tickets</translation>
    </message>
    <message>
        <source>Next page of tickets</source>
        <translation>Next page of tickets</translation>
    </message>
    <message>
        <source>C&amp;ounter:</source>
        <translation>C&amp;ounter:</translation>
    </message>
    <message>
        <source>This counter (%1) is closed</source>
        <translation>This counter (%1) is closed</translation>
    </message>
    <message>
        <source>%1 is closed</source>
        <translation>%1 is closed</translation>
    </message>
    <message>
        <source>tap to dismiss</source>
        <translation>tap to dismiss</translation>
    </message>
    <message numerus="yes">
        <source>Page %1 of %2 · %n ticket(s)</source>
        <translation>
            <numerusform>Page %1 of %2 · %n ticket</numerusform>
            <numerusform>Page %1 of %2 · %n tickets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n ticket</numerusform>
            <numerusform>%n tickets</numerusform>
        </translation>
    </message>
    <message>
        <source>Recall %1</source>
        <translation>Recall %1</translation>
    </message>
    <message>
        <source>Recall order %1</source>
        <translation>Recall order %1</translation>
    </message>
    <message>
        <source>Recall the last bumped order</source>
        <translation>Recall the last bumped order</translation>
    </message>
    <message>
        <source>All counters</source>
        <translation>All counters</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>Dark theme</source>
        <translation>Dark theme</translation>
    </message>
    <message>
        <source>Switch to the high-contrast theme</source>
        <translation>Switch to the high-contrast theme</translation>
    </message>
    <message>
        <source>Switch to the dark theme</source>
        <translation>Switch to the dark theme</translation>
    </message>
</context>
<context>
    <name>TableTap::DisplayWindow</name>
    <message>
        <source>Another display</source>
        <translation>Another display</translation>
    </message>
    <message>
        <source>Screen for this display</source>
        <translation>Screen for this display</translation>
    </message>
    <message>
        <source>Open another display window on the next screen</source>
        <translation>Open another display window on the next screen</translation>
    </message>
    <message>
        <source>Close display</source>
        <translation>Close display</translation>
    </message>
    <message>
        <source>Close this display window</source>
        <translation>Close this display window</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <source>Screen %1: %2 (%3×%4)</source>
        <translation>Screen %1: %2 (%3×%4)</translation>
    </message>
    <message>
        <source>Counter display — all counters</source>
        <translation>Counter display — all counters</translation>
    </message>
    <message>
        <source>Counter display — %1</source>
        <translation>Counter display — %1</translation>
    </message>
    <message>
        <source>Leave full screen</source>
        <translation>Leave full screen</translation>
    </message>
</context>
<context>
    <name>TableTap::DrinkDialog</name>
    <message>
        <source>Record a staff drink</source>
        <translation>Record a staff drink</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Drink:</source>
        <translation>&amp;Drink:</translation>
    </message>
    <message>
        <source>&amp;How many:</source>
        <translation>&amp;How many:</translation>
    </message>
    <message>
        <source>The menu has not arrived from the hub yet.</source>
        <translation>The menu has not arrived from the hub yet.</translation>
    </message>
</context>
<context>
    <name>TableTap::EmbeddedHub</name>
    <message>
        <source>The hub serves no cafe yet.</source>
        <translation>The hub serves no cafe yet.</translation>
    </message>
    <message>
        <source>Cafe %1 has no manager to sign in as.</source>
        <translation>Cafe %1 has no manager to sign in as.</translation>
    </message>
    <message>
        <source>%1 holds data that is not a demo&apos;s; the console&apos;s own hub only runs in an empty folder or in one an earlier demo made (with a file %2). A cafe&apos;s real data is served by tabletap-hub serve.</source>
        <translation>%1 holds data that is not a demo&apos;s; the console&apos;s own hub only runs in an empty folder or in one an earlier demo made (with a file %2). A cafe&apos;s real data is served by tabletap-hub serve.</translation>
    </message>
    <message>
        <source>Cannot mark %1 as demo data: %2</source>
        <translation>Cannot mark %1 as demo data: %2</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>Cannot create the data folder %1.</translation>
    </message>
    <message>
        <source>The data folder is in use: %1.</source>
        <translation>The data folder is in use: %1.</translation>
    </message>
</context>
<context>
    <name>TableTap::EntryPaymentPanel</name>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>QR code</translation>
    </message>
    <message>
        <source>Cash received:</source>
        <translation>Cash received:</translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation>Cash received</translation>
    </message>
    <message>
        <source>Order %1 for %2 at %3: %4 to pay</source>
        <translation>Order %1 for %2 at %3: %4 to pay</translation>
    </message>
    <message>
        <source>Choose how the customer pays.</source>
        <translation>Choose how the customer pays.</translation>
    </message>
    <message>
        <source>Starting the %1 payment…</source>
        <translation>Starting the %1 payment…</translation>
    </message>
    <message>
        <source>The cash received (%1) is less than the total (%2).</source>
        <translation>The cash received (%1) is less than the total (%2).</translation>
    </message>
    <message>
        <source>Confirming the payment…</source>
        <translation>Confirming the payment…</translation>
    </message>
    <message>
        <source>Take the cash, type what the customer handed over and confirm.</source>
        <translation>Take the cash, type what the customer handed over and confirm.</translation>
    </message>
    <message>
        <source>Let the customer scan the code; confirm once the payment shows on their phone.</source>
        <translation>Let the customer scan the code; confirm once the payment shows on their phone.</translation>
    </message>
    <message>
        <source>Card payment in progress: follow the card terminal.</source>
        <translation>Card payment in progress: follow the card terminal.</translation>
    </message>
    <message>
        <source>The hub refused: %1 (%2)</source>
        <translation>The hub refused: %1 (%2)</translation>
    </message>
    <message>
        <source>No answer from the hub (%1): check the payment in the Payments view before trying again.</source>
        <translation>No answer from the hub (%1): check the payment in the Payments view before trying again.</translation>
    </message>
    <message>
        <source>The payment failed: %1. Choose a way to pay again.</source>
        <translation>The payment failed: %1. Choose a way to pay again.</translation>
    </message>
    <message>
        <source>The payment failed: %1.</source>
        <translation>The payment failed: %1.</translation>
    </message>
    <message>
        <source>Con&amp;firm QR paid</source>
        <translation>Con&amp;firm QR paid</translation>
    </message>
    <message>
        <source>Con&amp;firm cash</source>
        <translation>Con&amp;firm cash</translation>
    </message>
    <message>
        <source>The payment was started; confirm it in the Payments view.</source>
        <translation>The payment was started; confirm it in the Payments view.</translation>
    </message>
</context>
<context>
    <name>TableTap::EventLogModel</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
</context>
<context>
    <name>TableTap::EventLogView</name>
    <message>
        <source>&amp;Follow new events</source>
        <translation>&amp;Follow new events</translation>
    </message>
    <message>
        <source>All namespaces</source>
        <translation>All namespaces</translation>
    </message>
    <message>
        <source>Filter by event or text</source>
        <translation>Filter by event or text</translation>
    </message>
    <message>
        <source>&amp;Namespace:</source>
        <translation>&amp;Namespace:</translation>
    </message>
    <message>
        <source>%1 shown of %2 kept; %3 events received this session</source>
        <translation>%1 shown of %2 kept; %3 events received this session</translation>
    </message>
    <message>
        <source>Filter the event log</source>
        <translation>Filter the event log</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Event log</translation>
    </message>
</context>
<context>
    <name>TableTap::EventMapper</name>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>preparing</source>
        <translation>preparing</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>ready</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completed</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>card</source>
        <translation>card</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>cash</translation>
    </message>
    <message>
        <source>qr</source>
        <translation>qr</translation>
    </message>
    <message>
        <source>sale</source>
        <translation>sale</translation>
    </message>
    <message>
        <source>purchase</source>
        <translation>purchase</translation>
    </message>
    <message>
        <source>adjustment</source>
        <translation>adjustment</translation>
    </message>
    <message>
        <source>waste</source>
        <translation>waste</translation>
    </message>
    <message>
        <source>low</source>
        <translation>low</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>medium</translation>
    </message>
    <message>
        <source>high</source>
        <translation>high</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critical</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactive</translation>
    </message>
    <message numerus="yes">
        <source>%1 for %2, %n item(s), %3 at %4</source>
        <translation>
            <numerusform>%1 for %2, %n item, %3 at %4</numerusform>
            <numerusform>%1 for %2, %n items, %3 at %4</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2 → %3 by %4</source>
        <translation>%1 %2 → %3 by %4</translation>
    </message>
    <message>
        <source>%1 ready for %2 at %3 (%4 min)</source>
        <translation>%1 ready for %2 at %3 (%4 min)</translation>
    </message>
    <message>
        <source>%1 cancelled by %2: %3</source>
        <translation>%1 cancelled by %2: %3</translation>
    </message>
    <message>
        <source>%1 moved %2 → %3 (%4)</source>
        <translation>%1 moved %2 → %3 (%4)</translation>
    </message>
    <message>
        <source>%1 %2 processing (%3)</source>
        <translation>%1 %2 processing (%3)</translation>
    </message>
    <message>
        <source>%1 %2 completed (fee %3)</source>
        <translation>%1 %2 completed (fee %3)</translation>
    </message>
    <message>
        <source>%1 %2 failed: %3</source>
        <translation>%1 %2 failed: %3</translation>
    </message>
    <message>
        <source>QR %1 for %2, expires %3</source>
        <translation>QR %1 for %2, expires %3</translation>
    </message>
    <message>
        <source>%1 %2 → %3 (%4)</source>
        <translation>%1 %2 → %3 (%4)</translation>
    </message>
    <message>
        <source>%1 low: %2 left (reorder at %3), %4</source>
        <translation>%1 low: %2 left (reorder at %3), %4</translation>
    </message>
    <message>
        <source>%1 out of stock; disabled: %2</source>
        <translation>%1 out of stock; disabled: %2</translation>
    </message>
    <message>
        <source>%1 clocked in</source>
        <translation>%1 clocked in</translation>
    </message>
    <message>
        <source>%1 clocked out: %2 h, pay %3</source>
        <translation>%1 clocked out: %2 h, pay %3</translation>
    </message>
    <message>
        <source>%1 had %2× %3 (%4/%5 this month)</source>
        <translation>%1 had %2× %3 (%4/%5 this month)</translation>
    </message>
    <message>
        <source>%1 %2 → %3: %4</source>
        <translation>%1 %2 → %3: %4</translation>
    </message>
    <message>
        <source>settings changed by %1: %2</source>
        <translation>settings changed by %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: item made (%n made) by %2</source>
        <translation>
            <numerusform>%1: item made (%n made) by %2</numerusform>
            <numerusform>%1: item made (%n made) by %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: item not made after all (%n made) by %2</source>
        <translation>
            <numerusform>%1: item not made after all (%n made) by %2</numerusform>
            <numerusform>%1: item not made after all (%n made) by %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 alert acknowledged by %2</source>
        <translation>%1 alert acknowledged by %2</translation>
    </message>
    <message>
        <source>menu changed: %1</source>
        <translation>menu changed: %1</translation>
    </message>
    <message numerus="yes">
        <source>menu changed: %1 (%n retired)</source>
        <translation>
            <numerusform>menu changed: %1 (%n retired)</numerusform>
            <numerusform>menu changed: %1 (%n retired)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 back on sale</source>
        <translation>%1 back on sale</translation>
    </message>
    <message>
        <source>%1 back on sale by %2</source>
        <translation>%1 back on sale by %2</translation>
    </message>
    <message>
        <source>%1 off sale by %2: %3</source>
        <translation>%1 off sale by %2: %3</translation>
    </message>
    <message>
        <source>%1: reorder at %2, fill up to %3 (by %4)</source>
        <translation>%1: reorder at %2, fill up to %3 (by %4)</translation>
    </message>
    <message>
        <source>timesheet of %1 corrected by %2: %3</source>
        <translation>timesheet of %1 corrected by %2: %3</translation>
    </message>
</context>
<context>
    <name>TableTap::HubConnection</name>
    <message>
        <source>The hub did not answer with a token.</source>
        <translation>The hub did not answer with a token.</translation>
    </message>
    <message>
        <source>Cannot reach the hub: %1</source>
        <translation>Cannot reach the hub: %1</translation>
    </message>
    <message>
        <source>No PEM certificate in %1.</source>
        <translation>No PEM certificate in %1.</translation>
    </message>
</context>
<context>
    <name>TableTap::HubPanel</name>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Events delivered per second</source>
        <translation>Events delivered per second</translation>
    </message>
    <message>
        <source>Hub running at %1</source>
        <translation>Hub running at %1</translation>
    </message>
    <message>
        <source>Hub stopped: %1</source>
        <translation>Hub stopped: %1</translation>
    </message>
    <message>
        <source>Hub stopped</source>
        <translation>Hub stopped</translation>
    </message>
    <message>
        <source>Clients: %1 · events/s in %2, out %3 · delivered %4 · sockets: %5 · data: %6</source>
        <translation>Clients: %1 · events/s in %2, out %3 · delivered %4 · sockets: %5 · data: %6</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>in memory</source>
        <translation>in memory</translation>
    </message>
    <message>
        <source>Run the si&amp;mulator (customers, staff, stock)</source>
        <translation>Run the si&amp;mulator (customers, staff, stock)</translation>
    </message>
    <message>
        <source>Stop hu&amp;b</source>
        <translation>Stop hu&amp;b</translation>
    </message>
    <message>
        <source>Start hu&amp;b</source>
        <translation>Start hu&amp;b</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Rooms</translation>
    </message>
</context>
<context>
    <name>TableTap::InventoryModel</name>
    <message>
        <source>out</source>
        <translation>out</translation>
    </message>
    <message>
        <source>low</source>
        <translation>low</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Reorder at</source>
        <translation>Reorder at</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Used by</translation>
    </message>
</context>
<context>
    <name>TableTap::InventoryView</name>
    <message>
        <source>Restock / &amp;adjust…</source>
        <translation>Restock / &amp;adjust…</translation>
    </message>
    <message>
        <source>&amp;Acknowledge alert</source>
        <translation>&amp;Acknowledge alert</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stock alerts&lt;/b&gt;</source>
        <translation>&lt;b&gt;Stock alerts&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stock&lt;/b&gt; — bars show stock against the maximum, the tick the reorder level</source>
        <translation>&lt;b&gt;Stock&lt;/b&gt; — bars show stock against the maximum, the tick the reorder level</translation>
    </message>
    <message>
        <source>🔔 Sounding until acknowledged</source>
        <translation>🔔 Sounding until acknowledged</translation>
    </message>
    <message>
        <source>Ackno&amp;wledge all</source>
        <translation>Ackno&amp;wledge all</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge (Ctrl+K)</source>
        <translation>Ac&amp;knowledge (Ctrl+K)</translation>
    </message>
    <message>
        <source>Live events only: this server offers no stock list. Items appear here as their stock changes and alerts as they are raised while this console is connected; restocking needs the Table Tap hub.</source>
        <translation>Live events only: this server offers no stock list. Items appear here as their stock changes and alerts as they are raised while this console is connected; restocking needs the Table Tap hub.</translation>
    </message>
    <message>
        <source>Stock alerts</source>
        <translation>Stock alerts</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
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
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Actions you take wait in the outbox and go out when the hub is back.</source>
        <translation>Actions you take wait in the outbox and go out when the hub is back.</translation>
    </message>
    <message>
        <source>Connecting to the hub… — the screen is not live yet</source>
        <translation>Connecting to the hub… — the screen is not live yet</translation>
    </message>
    <message>
        <source>Waiting for %1 since %2 (%3). %4</source>
        <translation>Waiting for %1 since %2 (%3). %4</translation>
    </message>
    <message>
        <source>Connection to the hub lost — NOT UPDATING</source>
        <translation>Connection to the hub lost — NOT UPDATING</translation>
    </message>
    <message>
        <source>Reconnecting to %1. Nothing has arrived since %2 (%3). %4</source>
        <translation>Reconnecting to %1. Nothing has arrived since %2 (%3). %4</translation>
    </message>
    <message>
        <source>The hub has gone silent — data may be stale</source>
        <translation>The hub has gone silent — data may be stale</translation>
    </message>
    <message>
        <source>No heartbeat from %1 beyond its interval (since %2, %3). %4</source>
        <translation>No heartbeat from %1 beyond its interval (since %2, %3). %4</translation>
    </message>
    <message>
        <source>Offline — not connected to a hub</source>
        <translation>Offline — not connected to a hub</translation>
    </message>
    <message>
        <source>Nothing on screen is updating (since %1, %2). %3</source>
        <translation>Nothing on screen is updating (since %1, %2). %3</translation>
    </message>
    <message>
        <source>The hub refused this console</source>
        <translation>The hub refused this console</translation>
    </message>
    <message>
        <source>%1. Sign in again to continue.</source>
        <translation>%1. Sign in again to continue.</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Sign in again…</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>Connect…</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) wait in the outbox and go out when the hub is back.</source>
        <translation>
            <numerusform>%n action waits in the outbox and goes out when the hub is back.</numerusform>
            <numerusform>%n actions wait in the outbox and go out when the hub is back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TableTap::MainWindow</name>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Queue</translation>
    </message>
    <message>
        <source>Coun&amp;ters</source>
        <translation>Coun&amp;ters</translation>
    </message>
    <message>
        <source>&amp;Inventory</source>
        <translation>&amp;Inventory</translation>
    </message>
    <message>
        <source>Time&amp;sheets</source>
        <translation>Time&amp;sheets</translation>
    </message>
    <message>
        <source>&amp;Payments</source>
        <translation>&amp;Payments</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <source>&amp;Event log</source>
        <translation>&amp;Event log</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>&amp;Console</source>
        <translation>&amp;Console</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Connect…</translation>
    </message>
    <message>
        <source>&amp;Reload everything from the hub</source>
        <translation>&amp;Reload everything from the hub</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Outbox</source>
        <translation>&amp;Outbox</translation>
    </message>
    <message>
        <source>&amp;Mute sounds</source>
        <translation>&amp;Mute sounds</translation>
    </message>
    <message>
        <source>&amp;Dismiss notifications</source>
        <translation>&amp;Dismiss notifications</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Full screen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;About Table Tap</source>
        <translation>&amp;About Table Tap</translation>
    </message>
    <message>
        <source>About Table Tap</source>
        <translation>About Table Tap</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Table Tap Console %1&lt;/h3&gt;&lt;p&gt;Live order queue, counters, stock, staff and payments for cafes, over Socket.IO to the in-store hub.&lt;/p&gt;&lt;p&gt;Sounds: %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Table Tap Console %1&lt;/h3&gt;&lt;p&gt;Live order queue, counters, stock, staff and payments for cafes, over Socket.IO to the in-store hub.&lt;/p&gt;&lt;p&gt;Sounds: %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Qt Multimedia</source>
        <translation>Qt Multimedia</translation>
    </message>
    <message>
        <source>system beep</source>
        <translation>system beep</translation>
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
        <translation>&amp;Inventory (%1)</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>Hub</translation>
    </message>
    <message>
        <source>Counter dis&amp;play</source>
        <translation>Counter dis&amp;play</translation>
    </message>
    <message>
        <source>A&amp;nother counter display</source>
        <translation>A&amp;nother counter display</translation>
    </message>
    <message>
        <source>Ready &amp;board</source>
        <translation>Ready &amp;board</translation>
    </message>
    <message>
        <source>Actions wait for the hub</source>
        <translation>Actions wait for the hub</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) taken at this console wait for the hub.</source>
        <translation>
            <numerusform>%n action taken at this console waits for the hub.</numerusform>
            <numerusform>%n actions taken at this console wait for the hub.</numerusform>
        </translation>
    </message>
    <message>
        <source>They are kept on this computer and go out, each exactly once, the next time you sign in to this hub and cafe.</source>
        <translation>They are kept on this computer and go out, each exactly once, the next time you sign in to this hub and cafe.</translation>
    </message>
    <message>
        <source>This console cannot keep them (demo hub, or nobody signed in): closing now loses them.</source>
        <translation>This console cannot keep them (demo hub, or nobody signed in): closing now loses them.</translation>
    </message>
    <message>
        <source>&amp;Keep them for next start</source>
        <translation>&amp;Keep them for next start</translation>
    </message>
    <message>
        <source>&amp;Discard them</source>
        <translation>&amp;Discard them</translation>
    </message>
    <message>
        <source>Close and &amp;lose them</source>
        <translation>Close and &amp;lose them</translation>
    </message>
    <message>
        <source>Order entr&amp;y</source>
        <translation>Order entr&amp;y</translation>
    </message>
    <message>
        <source>Men&amp;u</source>
        <translation>Men&amp;u</translation>
    </message>
    <message>
        <source>Cafe settin&amp;gs</source>
        <translation>Cafe settin&amp;gs</translation>
    </message>
    <message>
        <source>Staff management</source>
        <translation>Staff management</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Printing</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Not printed</translation>
    </message>
    <message>
        <source>Printer %1 is %2</source>
        <translation>Printer %1 is %2</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) waiting; they print when it is back.</source>
        <translation>
            <numerusform>%n job waiting; it prints when the printer is back.</numerusform>
            <numerusform>%n jobs waiting; they print when it is back.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print queue full</source>
        <translation>Print queue full</translation>
    </message>
    <message numerus="yes">
        <source>%1 for %2 was not queued: %n job(s) are waiting already.</source>
        <translation>
            <numerusform>%1 for %2 was not queued: %n job is waiting already.</numerusform>
            <numerusform>%1 for %2 was not queued: %n jobs are waiting already.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Chain</translation>
    </message>
</context>
<context>
    <name>TableTap::MenuView</name>
    <message>
        <source>&amp;86: take off sale…</source>
        <translation>&amp;86: take off sale…</translation>
    </message>
    <message>
        <source>Back &amp;on sale</source>
        <translation>Back &amp;on sale</translation>
    </message>
    <message>
        <source>&amp;New product…</source>
        <translation>&amp;New product…</translation>
    </message>
    <message>
        <source>Ch&amp;ange…</source>
        <translation>Ch&amp;ange…</translation>
    </message>
    <message>
        <source>Reti&amp;re</source>
        <translation>Reti&amp;re</translation>
    </message>
    <message>
        <source>Bring bac&amp;k…</source>
        <translation>Bring bac&amp;k…</translation>
    </message>
    <message>
        <source>Import &amp;file…</source>
        <translation>Import &amp;file…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Off sale: %1</source>
        <translation>Off sale: %1</translation>
    </message>
    <message>
        <source>Off sale: %1 (until %2)</source>
        <translation>Off sale: %1 (until %2)</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Out of stock</translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation>Low stock</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>On sale</translation>
    </message>
    <message>
        <source>No menu loaded yet.</source>
        <translation>No menu loaded yet.</translation>
    </message>
    <message>
        <source>Choose a product.</source>
        <translation>Choose a product.</translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <source>Recipe (per unit):</source>
        <translation>Recipe (per unit):</translation>
    </message>
    <message>
        <source>  none</source>
        <translation>  none</translation>
    </message>
    <message>
        <source>Customizations:</source>
        <translation>Customizations:</translation>
    </message>
    <message>
        <source>  %1: +%2</source>
        <translation>  %1: +%2</translation>
    </message>
    <message>
        <source>Retire product</source>
        <translation>Retire product</translation>
    </message>
    <message>
        <source>Take %1 off the menu for good? Past orders keep it; it can be brought back with &quot;Bring back…&quot;.</source>
        <translation>Take %1 off the menu for good? Past orders keep it; it can be brought back with &quot;Bring back…&quot;.</translation>
    </message>
    <message>
        <source>&amp;Retire</source>
        <translation>&amp;Retire</translation>
    </message>
    <message>
        <source>Retired products</source>
        <translation>Retired products</translation>
    </message>
    <message>
        <source>The hub did not answer: %1</source>
        <translation>The hub did not answer: %1</translation>
    </message>
    <message>
        <source>&amp;Bring back</source>
        <translation>&amp;Bring back</translation>
    </message>
    <message>
        <source>No retired products.</source>
        <translation>No retired products.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a menu file: %2</source>
        <translation>%1 is not a menu file: %2</translation>
    </message>
    <message>
        <source>Import menu</source>
        <translation>Import menu</translation>
    </message>
    <message>
        <source>Menu files (*.csv *.json);;CSV (*.csv);;JSON (*.json)</source>
        <translation>Menu files (*.csv *.json);;CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Merge the file into the menu (products by name), or replace the menu (products not in the file are retired)?</source>
        <translation>Merge the file into the menu (products by name), or replace the menu (products not in the file are retired)?</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Merge</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Replace</translation>
    </message>
    <message>
        <source>Export menu</source>
        <translation>Export menu</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>%1 is too large to send to the hub in one message (%2 KB, at most %3 KB): import it on the hub&apos;s computer with tabletap-hub menu import.</source>
        <translation>%1 is too large to send to the hub in one message (%2 KB, at most %3 KB): import it on the hub&apos;s computer with tabletap-hub menu import.</translation>
    </message>
</context>
<context>
    <name>TableTap::NetworkPrinter</name>
    <message>
        <source>out of paper</source>
        <translation>out of paper</translation>
    </message>
    <message>
        <source>the printer answered the paper status with something else</source>
        <translation>the printer answered the paper status with something else</translation>
    </message>
    <message>
        <source>no connection to %1 within %2 s</source>
        <translation>no connection to %1 within %2 s</translation>
    </message>
    <message>
        <source>the printer did not answer the paper status</source>
        <translation>the printer did not answer the paper status</translation>
    </message>
    <message>
        <source>the printer did not take the ticket</source>
        <translation>the printer did not take the ticket</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>connection lost: %1</source>
        <translation>connection lost: %1</translation>
    </message>
</context>
<context>
    <name>TableTap::Notifier</name>
    <message>
        <source>Order %1 is ready</source>
        <translation>Order %1 is ready</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>for %1</translation>
    </message>
    <message>
        <source>for %1 at %2</source>
        <translation>for %1 at %2</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <source>Payment failed for %1</source>
        <translation>Payment failed for %1</translation>
    </message>
    <message>
        <source>%1 — it can be retried from Payments.</source>
        <translation>%1 — it can be retried from Payments.</translation>
    </message>
    <message>
        <source>%1 is out of stock</source>
        <translation>%1 is out of stock</translation>
    </message>
    <message>
        <source>%1 is running low (%2)</source>
        <translation>%1 is running low (%2)</translation>
    </message>
    <message>
        <source>Affects: %1</source>
        <translation>Affects: %1</translation>
    </message>
    <message>
        <source>%1 left, reorder at %2</source>
        <translation>%1 left, reorder at %2</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) ready</source>
        <translation>
            <numerusform>%n order ready</numerusform>
            <numerusform>%n orders ready</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) refused</source>
        <translation>
            <numerusform>%n action refused</numerusform>
            <numerusform>%n actions refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s) failed</source>
        <translation>
            <numerusform>%n payment failed</numerusform>
            <numerusform>%n payments failed</numerusform>
        </translation>
    </message>
    <message>
        <source>Orders %1 — see Payments.</source>
        <translation>Orders %1 — see Payments.</translation>
    </message>
    <message numerus="yes">
        <source>%n stock alert(s)</source>
        <translation>
            <numerusform>%n stock alert</numerusform>
            <numerusform>%n stock alerts</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown: %1</source>
        <translation>Unknown: %1</translation>
    </message>
    <message>
        <source>%1. Check it before doing it again.</source>
        <translation>%1. Check it before doing it again.</translation>
    </message>
    <message>
        <source>The server reported an error</source>
        <translation>The server reported an error</translation>
    </message>
    <message>
        <source>The server refused %1</source>
        <translation>The server refused %1</translation>
    </message>
</context>
<context>
    <name>TableTap::OffSaleDialog</name>
    <message>
        <source>Take off sale</source>
        <translation>Take off sale</translation>
    </message>
    <message>
        <source>Take %1 off sale</source>
        <translation>Take %1 off sale</translation>
    </message>
    <message>
        <source>Machine broken</source>
        <translation>Machine broken</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>Sold out</translation>
    </message>
    <message>
        <source>Quality problem</source>
        <translation>Quality problem</translation>
    </message>
    <message>
        <source>Ingredient missing</source>
        <translation>Ingredient missing</translation>
    </message>
    <message>
        <source>Why (required)</source>
        <translation>Why (required)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>For &amp;1 hour</source>
        <translation>For &amp;1 hour</translation>
    </message>
    <message>
        <source>Until the &amp;end of today</source>
        <translation>Until the &amp;end of today</translation>
    </message>
    <message>
        <source>Until &amp;tomorrow&apos;s opening</source>
        <translation>Until &amp;tomorrow&apos;s opening</translation>
    </message>
    <message>
        <source>Until someone puts it &amp;back</source>
        <translation>Until someone puts it &amp;back</translation>
    </message>
    <message>
        <source>Until a time of my &amp;own:</source>
        <translation>Until a time of my &amp;own:</translation>
    </message>
    <message>
        <source>Off sale until</source>
        <translation>Off sale until</translation>
    </message>
    <message>
        <source>Off sale:</source>
        <translation>Off sale:</translation>
    </message>
    <message>
        <source>&amp;Take off sale</source>
        <translation>&amp;Take off sale</translation>
    </message>
    <message>
        <source>Back on sale by itself at %1.</source>
        <translation>Back on sale by itself at %1.</translation>
    </message>
    <message>
        <source>Stays off sale until someone puts it back.</source>
        <translation>Stays off sale until someone puts it back.</translation>
    </message>
</context>
<context>
    <name>TableTap::OrderDetailsPane</name>
    <message>
        <source>not paid yet</source>
        <translation>not paid yet</translation>
    </message>
    <message>
        <source>processing</source>
        <translation>processing</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>paid</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>refunded</translation>
    </message>
    <message>
        <source>waiting for the customer</source>
        <translation>waiting for the customer</translation>
    </message>
    <message>
        <source>Take payment:</source>
        <translation>Take payment:</translation>
    </message>
    <message>
        <source>Charge the order&apos;s total to a card through the payment provider</source>
        <translation>Charge the order&apos;s total to a card through the payment provider</translation>
    </message>
    <message>
        <source>Take cash; confirm once the money is in the till</source>
        <translation>Take cash; confirm once the money is in the till</translation>
    </message>
    <message>
        <source>Show a QR code the customer scans to pay</source>
        <translation>Show a QR code the customer scans to pay</translation>
    </message>
    <message>
        <source>Confirm the cash was taken or the QR payment arrived</source>
        <translation>Confirm the cash was taken or the QR payment arrived</translation>
    </message>
    <message>
        <source>No order selected</source>
        <translation>No order selected</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an order in the queue to see its items, totals, payment and history.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Select an order in the queue to see its items, totals, payment and history.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Customer:</translation>
    </message>
    <message>
        <source>Counter:</source>
        <translation>Counter:</translation>
    </message>
    <message>
        <source>Ordered at:</source>
        <translation>Ordered at:</translation>
    </message>
    <message>
        <source>Estimated ready:</source>
        <translation>Estimated ready:</translation>
    </message>
    <message>
        <source>Taken by:</source>
        <translation>Taken by:</translation>
    </message>
    <message>
        <source>Proxy order: placed by %1 for %2</source>
        <translation>Proxy order: placed by %1 for %2</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>staff</translation>
    </message>
    <message>
        <source>Waiting for the hub to confirm: %1</source>
        <translation>Waiting for the hub to confirm: %1</translation>
    </message>
    <message>
        <source>Cancelled:</source>
        <translation>Cancelled:</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Tax</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>Tip</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Payment:</source>
        <translation>Payment:</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>QR code</translation>
    </message>
    <message>
        <source>Confirm payment</source>
        <translation>Confirm payment</translation>
    </message>
    <message>
        <source>&amp;Made:</source>
        <translation>&amp;Made:</translation>
    </message>
    <message>
        <source>Items made</source>
        <translation>Items made</translation>
    </message>
    <message>
        <source>Tick each item once it is made (Space); every screen of the counter sees the ticks, and the last one makes the order ready</source>
        <translation>Tick each item once it is made (Space); every screen of the counter sees the ticks, and the last one makes the order ready</translation>
    </message>
    <message>
        <source>%1× %2</source>
        <translation>%1× %2</translation>
    </message>
    <message>
        <source>Order details</source>
        <translation>Order details</translation>
    </message>
    <message>
        <source>Reprint ticket</source>
        <translation>Reprint ticket</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <source>Print the order&apos;s kitchen ticket again at its counter&apos;s printer</source>
        <translation>Print the order&apos;s kitchen ticket again at its counter&apos;s printer</translation>
    </message>
    <message>
        <source>Print a receipt for the order at this console&apos;s receipt printer</source>
        <translation>Print a receipt for the order at this console&apos;s receipt printer</translation>
    </message>
</context>
<context>
    <name>TableTap::OrderEntryView</name>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>No tip</source>
        <translation>No tip</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>Place &amp;order</source>
        <translation>Place &amp;order</translation>
    </message>
    <message>
        <source>Next customer</source>
        <translation>Next customer</translation>
    </message>
    <message>
        <source>Search the menu (Ctrl+F or /)</source>
        <translation>Search the menu (Ctrl+F or /)</translation>
    </message>
    <message>
        <source>Search the menu</source>
        <translation>Search the menu</translation>
    </message>
    <message>
        <source>Menu categories</source>
        <translation>Menu categories</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Order lines</source>
        <translation>Order lines</translation>
    </message>
    <message>
        <source>One less</source>
        <translation>One less</translation>
    </message>
    <message>
        <source>One more</source>
        <translation>One more</translation>
    </message>
    <message>
        <source>One less of the selected line (-)</source>
        <translation>One less of the selected line (-)</translation>
    </message>
    <message>
        <source>One more of the selected line (+)</source>
        <translation>One more of the selected line (+)</translation>
    </message>
    <message>
        <source>Remove the selected line (Delete)</source>
        <translation>Remove the selected line (Delete)</translation>
    </message>
    <message>
        <source>optional, e.g. +1 555 0100</source>
        <translation>optional, e.g. +1 555 0100</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Custom tip amount</source>
        <translation>Custom tip amount</translation>
    </message>
    <message>
        <source>Customer &amp;name:</source>
        <translation>Customer &amp;name:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>Counter:</source>
        <translation>Counter:</translation>
    </message>
    <message>
        <source>Tip:</source>
        <translation>Tip:</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Tax</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>Tip</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Send the order to the hub (Ctrl+Enter)</source>
        <translation>Send the order to the hub (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Leave this order to be paid later and start the next (Esc)</source>
        <translation>Leave this order to be paid later and start the next (Esc)</translation>
    </message>
    <message>
        <source>No answer from the hub (%1): look for the order in the queue before placing it again.</source>
        <translation>No answer from the hub (%1): look for the order in the queue before placing it again.</translation>
    </message>
    <message>
        <source>Off the menu</source>
        <translation>Off the menu</translation>
    </message>
    <message>
        <source>Off the menu: %1</source>
        <translation>Off the menu: %1</translation>
    </message>
    <message>
        <source>(until %1)</source>
        <translation>(until %1)</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Out of stock</translation>
    </message>
    <message>
        <source>Not enough stock</source>
        <translation>Not enough stock</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Add %1 to the order (Enter)</source>
        <translation>Add %1 to the order (Enter)</translation>
    </message>
    <message>
        <source>%1 cannot be ordered: %2</source>
        <translation>%1 cannot be ordered: %2</translation>
    </message>
    <message>
        <source>No menu yet: it appears once the hub is connected.</source>
        <translation>No menu yet: it appears once the hub is connected.</translation>
    </message>
    <message>
        <source>Nothing on the menu matches.</source>
        <translation>Nothing on the menu matches.</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1 is no longer on the menu</source>
        <translation>%1 is no longer on the menu</translation>
    </message>
    <message>
        <source>%1 is no longer offered</source>
        <translation>%1 is no longer offered</translation>
    </message>
    <message>
        <source>%1 is now unavailable</source>
        <translation>%1 is now unavailable</translation>
    </message>
    <message>
        <source>%1 is now unavailable: %2</source>
        <translation>%1 is now unavailable: %2</translation>
    </message>
    <message>
        <source>⚠ %1; remove it or change it</source>
        <translation>⚠ %1; remove it or change it</translation>
    </message>
    <message>
        <source>No order yet: pick from the menu (click, or Enter on a product).</source>
        <translation>No order yet: pick from the menu (click, or Enter on a product).</translation>
    </message>
    <message>
        <source>Customizations</source>
        <translation>Customizations</translation>
    </message>
    <message>
        <source>Select an order line to customize it.</source>
        <translation>Select an order line to customize it.</translation>
    </message>
    <message>
        <source>This product has no customizations.</source>
        <translation>This product has no customizations.</translation>
    </message>
    <message>
        <source>Customizations for %1</source>
        <translation>Customizations for %1</translation>
    </message>
    <message>
        <source>%1 (+%2)</source>
        <translation>%1 (+%2)</translation>
    </message>
    <message>
        <source>off the menu: %1</source>
        <translation>off the menu: %1</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>unavailable</translation>
    </message>
    <message>
        <source>That customization cannot be added.</source>
        <translation>That customization cannot be added.</translation>
    </message>
    <message>
        <source>Tip %1</source>
        <translation>Tip %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>rate not known yet</source>
        <translation>rate not known yet</translation>
    </message>
    <message>
        <source>The hub gives the order to its least busy active counter.</source>
        <translation>The hub gives the order to its least busy active counter.</translation>
    </message>
    <message>
        <source>No counter is active: the hub will refuse the order.</source>
        <translation>No counter is active: the hub will refuse the order.</translation>
    </message>
    <message>
        <source>%1 (the least busy active counter; the hub decides when the order is placed)</source>
        <translation>%1 (the least busy active counter; the hub decides when the order is placed)</translation>
    </message>
    <message>
        <source>Add something from the menu first</source>
        <translation>Add something from the menu first</translation>
    </message>
    <message>
        <source>Remove the lines marked unavailable first</source>
        <translation>Remove the lines marked unavailable first</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name first</source>
        <translation>Enter the customer&apos;s name first</translation>
    </message>
    <message>
        <source>At most %1 of one line.</source>
        <translation>At most %1 of one line.</translation>
    </message>
    <message>
        <source>At most %1 lines in one order.</source>
        <translation>At most %1 lines in one order.</translation>
    </message>
    <message>
        <source>%1 cannot be ordered now.</source>
        <translation>%1 cannot be ordered now.</translation>
    </message>
    <message>
        <source>Add something from the menu first.</source>
        <translation>Add something from the menu first.</translation>
    </message>
    <message>
        <source>Remove the lines marked unavailable before placing the order.</source>
        <translation>Remove the lines marked unavailable before placing the order.</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation>Enter the customer&apos;s name.</translation>
    </message>
    <message>
        <source>order for %1</source>
        <translation>order for %1</translation>
    </message>
    <message>
        <source>The order could not be queued: too many actions are waiting.</source>
        <translation>The order could not be queued: too many actions are waiting.</translation>
    </message>
    <message>
        <source>Placing the order…</source>
        <translation>Placing the order…</translation>
    </message>
    <message>
        <source>Order %1 placed. The hub&apos;s total is %2 (this screen showed %3).</source>
        <translation>Order %1 placed. The hub&apos;s total is %2 (this screen showed %3).</translation>
    </message>
    <message>
        <source>Order %1 placed.</source>
        <translation>Order %1 placed.</translation>
    </message>
    <message>
        <source>The hub refused the order: %1 (%2)</source>
        <translation>The hub refused the order: %1 (%2)</translation>
    </message>
    <message>
        <source>Order %1 is paid; change due: %2. Next customer, please.</source>
        <translation>Order %1 is paid; change due: %2. Next customer, please.</translation>
    </message>
    <message>
        <source>Order %1 is paid. Next customer, please.</source>
        <translation>Order %1 is paid. Next customer, please.</translation>
    </message>
    <message>
        <source>The order was placed; take its payment from the queue.</source>
        <translation>The order was placed; take its payment from the queue.</translation>
    </message>
</context>
<context>
    <name>TableTap::OrderQueueDelegate</name>
    <message>
        <source>Start ▸</source>
        <translation>Start ▸</translation>
    </message>
    <message>
        <source>Ready ▸</source>
        <translation>Ready ▸</translation>
    </message>
    <message>
        <source>Complete ▸</source>
        <translation>Complete ▸</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>preparing</source>
        <translation>preparing</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>ready</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completed</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>proxy order</source>
        <translation>proxy order</translation>
    </message>
    <message>
        <source>⏳ sending: %1</source>
        <translation>⏳ sending: %1</translation>
    </message>
</context>
<context>
    <name>TableTap::OrderQueueModel</name>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>TableTap::OrderQueueView</name>
    <message>
        <source>&amp;Advance</source>
        <translation>&amp;Advance</translation>
    </message>
    <message>
        <source>Move the selected order on: pending → preparing → ready → completed (Space or Enter)</source>
        <translation>Move the selected order on: pending → preparing → ready → completed (Space or Enter)</translation>
    </message>
    <message>
        <source>&amp;Recall</source>
        <translation>&amp;Recall</translation>
    </message>
    <message>
        <source>Undo this console&apos;s last status change, for a minute (Ctrl+Z)</source>
        <translation>Undo this console&apos;s last status change, for a minute (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Cancel the selected order, with a reason (Delete; managers)</source>
        <translation>Cancel the selected order, with a reason (Delete; managers)</translation>
    </message>
    <message>
        <source>&amp;Move to counter…</source>
        <translation>&amp;Move to counter…</translation>
    </message>
    <message>
        <source>Move the selected order to another counter, with a reason (Ctrl+M; managers)</source>
        <translation>Move the selected order to another counter, with a reason (Ctrl+M; managers)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation>Open orders</translation>
    </message>
    <message>
        <source>Finished today</source>
        <translation>Finished today</translation>
    </message>
    <message>
        <source>All today</source>
        <translation>All today</translation>
    </message>
    <message>
        <source>All counters</source>
        <translation>All counters</translation>
    </message>
    <message>
        <source>Search orders, customers, items (Ctrl+F)</source>
        <translation>Search orders, customers, items (Ctrl+F)</translation>
    </message>
    <message>
        <source>C&amp;ounter:</source>
        <translation>C&amp;ounter:</translation>
    </message>
    <message>
        <source>&lt;b&gt;All day&lt;/b&gt; — waiting per product</source>
        <translation>&lt;b&gt;All day&lt;/b&gt; — waiting per product</translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation>Cancel %1</translation>
    </message>
    <message>
        <source>Cancel order %1 for %2 (%3)? Paid orders are refunded by the hub.</source>
        <translation>Cancel order %1 for %2 (%3)? Paid orders are refunded by the hub.</translation>
    </message>
    <message>
        <source>Customer changed their mind</source>
        <translation>Customer changed their mind</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Out of stock</translation>
    </message>
    <message>
        <source>Duplicate order</source>
        <translation>Duplicate order</translation>
    </message>
    <message>
        <source>Customer left</source>
        <translation>Customer left</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>Move %1</translation>
    </message>
    <message>
        <source>Move order %1 (now at %2) to another counter.</source>
        <translation>Move order %1 (now at %2) to another counter.</translation>
    </message>
    <message>
        <source>Load balancing</source>
        <translation>Load balancing</translation>
    </message>
    <message>
        <source>Counter closing</source>
        <translation>Counter closing</translation>
    </message>
    <message>
        <source>Equipment problem</source>
        <translation>Equipment problem</translation>
    </message>
    <message>
        <source>%1 open, %2 late · showing %3 · Space/Enter advances the selected order, Ctrl+Z recalls</source>
        <translation>%1 open, %2 late · showing %3 · Space/Enter advances the selected order, Ctrl+Z recalls</translation>
    </message>
    <message>
        <source>&amp;Recall %1</source>
        <translation>&amp;Recall %1</translation>
    </message>
    <message>
        <source>Ca&amp;ncel order…</source>
        <translation>Ca&amp;ncel order…</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>Sho&amp;w:</translation>
    </message>
    <message>
        <source>Live events only: this server offers no order list. The queue holds the orders created while this console was connected, and may miss changes made while the link was down; cancelling and moving orders need the Table Tap hub.</source>
        <translation>Live events only: this server offers no order list. The queue holds the orders created while this console was connected, and may miss changes made while the link was down; cancelling and moving orders need the Table Tap hub.</translation>
    </message>
    <message>
        <source>Search the queue</source>
        <translation>Search the queue</translation>
    </message>
    <message>
        <source>Order queue</source>
        <translation>Order queue</translation>
    </message>
    <message>
        <source>All-day counts</source>
        <translation>All-day counts</translation>
    </message>
</context>
<context>
    <name>TableTap::Outbox</name>
    <message>
        <source>no confirmation from the server within %1 s</source>
        <translation>no confirmation from the server within %1 s</translation>
    </message>
    <message>
        <source>the link dropped after it was sent: the server may have applied it</source>
        <translation>the link dropped after it was sent: the server may have applied it</translation>
    </message>
    <message>
        <source>the link was replaced after it was sent</source>
        <translation>the link was replaced after it was sent</translation>
    </message>
    <message>
        <source>the outbox is full: %1 actions wait for the hub; retry or discard some first</source>
        <translation>the outbox is full: %1 actions wait for the hub; retry or discard some first</translation>
    </message>
    <message>
        <source>waited more than %1 h: not sent by itself any more; retry or discard</source>
        <translation>waited more than %1 h: not sent by itself any more; retry or discard</translation>
    </message>
    <message>
        <source>no answer after %1 attempts: retry or discard</source>
        <translation>no answer after %1 attempts: retry or discard</translation>
    </message>
</context>
<context>
    <name>TableTap::OutboxModel</name>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Hub says</source>
        <translation>Hub says</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
</context>
<context>
    <name>TableTap::OutboxPanel</name>
    <message>
        <source>Show finished actions</source>
        <translation>Show finished actions</translation>
    </message>
    <message>
        <source>Actions wait here while the hub is unreachable and go out once, in order, when it is back.</source>
        <translation>Actions wait here while the hub is unreachable and go out once, in order, when it is back.</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Retry</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <source>Send the selected unconfirmed action again with its request id. Our hub applies it once; a server without request ids might apply it twice: look first.</source>
        <translation>Send the selected unconfirmed action again with its request id. Our hub applies it once; a server without request ids might apply it twice: look first.</translation>
    </message>
    <message>
        <source>Take the selected action out of the outbox: it is never sent.</source>
        <translation>Take the selected action out of the outbox: it is never sent.</translation>
    </message>
</context>
<context>
    <name>TableTap::OutboxStore</name>
    <message>
        <source>sent before the console closed, no answer: the server may have applied it</source>
        <translation>sent before the console closed, no answer: the server may have applied it</translation>
    </message>
</context>
<context>
    <name>TableTap::PaymentModel</name>
    <message>
        <source>fee %1, net %2</source>
        <translation>fee %1, net %2</translation>
    </message>
    <message>
        <source>expires in %1:%2</source>
        <translation>expires in %1:%2</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expired</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>TableTap::PaymentsView</name>
    <message>
        <source>&amp;Retry payment</source>
        <translation>&amp;Retry payment</translation>
    </message>
    <message>
        <source>Show &amp;order</source>
        <translation>Show &amp;order</translation>
    </message>
    <message>
        <source>Start the same payment again (only when the provider allows a retry)</source>
        <translation>Start the same payment again (only when the provider allows a retry)</translation>
    </message>
    <message>
        <source>Con&amp;firm cash / QR received</source>
        <translation>Con&amp;firm cash / QR received</translation>
    </message>
    <message>
        <source>Live events only: this server offers no payment history. Payments appear here as they happen while this console is connected; taking and confirming payments here needs the Table Tap hub.</source>
        <translation>Live events only: this server offers no payment history. Payments appear here as they happen while this console is connected; taking and confirming payments here needs the Table Tap hub.</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <source>Print a receipt for the selected payment&apos;s order</source>
        <translation>Print a receipt for the selected payment&apos;s order</translation>
    </message>
</context>
<context>
    <name>TableTap::PinDialog</name>
    <message>
        <source>Reset the PIN of %1</source>
        <translation>Reset the PIN of %1</translation>
    </message>
    <message>
        <source>The old PIN stops working and %1 is signed out everywhere: their consoles and device tokens need signing in again.</source>
        <translation>The old PIN stops working and %1 is signed out everywhere: their consoles and device tokens need signing in again.</translation>
    </message>
</context>
<context>
    <name>TableTap::PinEntry</name>
    <message>
        <source>&amp;Type a PIN (4 to 12 digits)</source>
        <translation>&amp;Type a PIN (4 to 12 digits)</translation>
    </message>
    <message>
        <source>&amp;Generate a PIN, shown once when the hub took it</source>
        <translation>&amp;Generate a PIN, shown once when the hub took it</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>New PIN again</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <source>PIN &amp;again:</source>
        <translation>PIN &amp;again:</translation>
    </message>
    <message>
        <source>A PIN is 4 to 12 digits.</source>
        <translation>A PIN is 4 to 12 digits.</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>The two PINs differ.</translation>
    </message>
</context>
<context>
    <name>TableTap::PrintJob</name>
    <message>
        <source>Kitchen ticket</source>
        <translation>Kitchen ticket</translation>
    </message>
    <message>
        <source>Cup label</source>
        <translation>Cup label</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Test page</source>
        <translation>Test page</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>queued</translation>
    </message>
    <message>
        <source>printing</source>
        <translation>printing</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>failed, will retry</source>
        <translation>failed, will retry</translation>
    </message>
    <message>
        <source>held</source>
        <translation>held</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
</context>
<context>
    <name>TableTap::PrintJobModel</name>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
</context>
<context>
    <name>TableTap::PrintLayouts</name>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>QR payment</source>
        <translation>QR payment</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>for %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Tax</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>Tip</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Paid by %1</source>
        <translation>Paid by %1</translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation>Cash received</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Thank you!</translation>
    </message>
    <message>
        <source>Table Tap test page</source>
        <translation>Table Tap test page</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>Normal text</translation>
    </message>
    <message>
        <source>Bold text</source>
        <translation>Bold text</translation>
    </message>
    <message>
        <source>Double size</source>
        <translation>Double size</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Right</translation>
    </message>
</context>
<context>
    <name>TableTap::PrintService</name>
    <message>
        <source>Moved from %1</source>
        <translation>Moved from %1</translation>
    </message>
    <message>
        <source>No ticket printer is set up for counter %1 at this console.</source>
        <translation>No ticket printer is set up for counter %1 at this console.</translation>
    </message>
    <message>
        <source>The order is not in the queue.</source>
        <translation>The order is not in the queue.</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>The print queue is full.</source>
        <translation>The print queue is full.</translation>
    </message>
    <message>
        <source>No receipt printer is set up at this console.</source>
        <translation>No receipt printer is set up at this console.</translation>
    </message>
    <message>
        <source>Test page</source>
        <translation>Test page</translation>
    </message>
</context>
<context>
    <name>TableTap::PrintSetup</name>
    <message>
        <source>two printers are called %1</source>
        <translation>two printers are called %1</translation>
    </message>
    <message>
        <source>counter %1 prints to %2, which is not set up</source>
        <translation>counter %1 prints to %2, which is not set up</translation>
    </message>
</context>
<context>
    <name>TableTap::PrintSetupDialog</name>
    <message>
        <source>Printer set-up</source>
        <translation>Printer set-up</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>Printers</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Where (host:port, system printer, or folder)</source>
        <translation>Where (host:port, system printer, or folder)</translation>
    </message>
    <message>
        <source>Ask for paper</source>
        <translation>Ask for paper</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>Counters</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>Ticket printer</source>
        <translation>Ticket printer</translation>
    </message>
    <message>
        <source>Label printer</source>
        <translation>Label printer</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <source>Ticket on create</source>
        <translation>Ticket on create</translation>
    </message>
    <message>
        <source>Ticket on arrival</source>
        <translation>Ticket on arrival</translation>
    </message>
    <message>
        <source>Cup labels</source>
        <translation>Cup labels</translation>
    </message>
    <message>
        <source>Receipt on payment</source>
        <translation>Receipt on payment</translation>
    </message>
    <message>
        <source>Add printer</source>
        <translation>Add printer</translation>
    </message>
    <message>
        <source>Remove printer</source>
        <translation>Remove printer</translation>
    </message>
    <message>
        <source>Add counter</source>
        <translation>Add counter</translation>
    </message>
    <message>
        <source>Printer %1</source>
        <translation>Printer %1</translation>
    </message>
    <message>
        <source>Counter %1</source>
        <translation>Counter %1</translation>
    </message>
    <message>
        <source>Receipt header:</source>
        <translation>Receipt header:</translation>
    </message>
    <message>
        <source>Printers this console reaches:</source>
        <translation>Printers this console reaches:</translation>
    </message>
    <message>
        <source>What prints where, per counter (set up only the counters this console prints for: two consoles set up for one counter print every ticket twice):</source>
        <translation>What prints where, per counter (set up only the counters this console prints for: two consoles set up for one counter print every ticket twice):</translation>
    </message>
    <message>
        <source>Network (ESC/POS)</source>
        <translation>Network (ESC/POS)</translation>
    </message>
    <message>
        <source>System printer</source>
        <translation>System printer</translation>
    </message>
    <message>
        <source>PDF folder</source>
        <translation>PDF folder</translation>
    </message>
    <message>
        <source>Please fix the set-up first:</source>
        <translation>Please fix the set-up first:</translation>
    </message>
</context>
<context>
    <name>TableTap::PrintSpooler</name>
    <message>
        <source>cannot read %1</source>
        <translation>cannot read %1</translation>
    </message>
    <message>
        <source>%1 is not a print queue: %2</source>
        <translation>%1 is not a print queue: %2</translation>
    </message>
</context>
<context>
    <name>TableTap::Printer</name>
    <message>
        <source>ready</source>
        <translation>ready</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>out of paper</source>
        <translation>out of paper</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>not used yet</source>
        <translation>not used yet</translation>
    </message>
</context>
<context>
    <name>TableTap::PrintingView</name>
    <message>
        <source>Test page</source>
        <translation>Test page</translation>
    </message>
    <message>
        <source>Printer set-up…</source>
        <translation>Printer set-up…</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation>Cancel job</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Retry now</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>Printers</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Jobs waiting</source>
        <translation>Jobs waiting</translation>
    </message>
    <message>
        <source>Print jobs</source>
        <translation>Print jobs</translation>
    </message>
    <message>
        <source>Print a test page on the selected printer</source>
        <translation>Print a test page on the selected printer</translation>
    </message>
    <message>
        <source>Printers and, per counter, what prints where (managers)</source>
        <translation>Printers and, per counter, what prints where (managers)</translation>
    </message>
    <message>
        <source>Print the selected job again</source>
        <translation>Print the selected job again</translation>
    </message>
    <message>
        <source>Take the selected job out of the queue</source>
        <translation>Take the selected job out of the queue</translation>
    </message>
    <message>
        <source>Try the selected job&apos;s printer again now</source>
        <translation>Try the selected job&apos;s printer again now</translation>
    </message>
    <message>
        <source>Jobs (newest first)</source>
        <translation>Jobs (newest first)</translation>
    </message>
    <message numerus="yes">
        <source>%1 is %2 with %n job(s) waiting</source>
        <translation>
            <numerusform>%1 is %2 with %n job waiting</numerusform>
            <numerusform>%1 is %2 with %n jobs waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>No printers are set up at this console: nothing prints here.</source>
        <translation>No printers are set up at this console: nothing prints here.</translation>
    </message>
</context>
<context>
    <name>TableTap::ProductEditorDialog</name>
    <message>
        <source>Ingredient</source>
        <translation>Ingredient</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation>Recipe</translation>
    </message>
    <message>
        <source>Customization</source>
        <translation>Customization</translation>
    </message>
    <message>
        <source>Surcharge</source>
        <translation>Surcharge</translation>
    </message>
    <message>
        <source>Customizations</source>
        <translation>Customizations</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>New product</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Category:</translation>
    </message>
    <message>
        <source>&amp;Price:</source>
        <translation>&amp;Price:</translation>
    </message>
    <message>
        <source>&amp;Recipe (per unit sold):</source>
        <translation>&amp;Recipe (per unit sold):</translation>
    </message>
    <message>
        <source>C&amp;ustomizations:</source>
        <translation>C&amp;ustomizations:</translation>
    </message>
    <message>
        <source>Add &amp;ingredient</source>
        <translation>Add &amp;ingredient</translation>
    </message>
    <message>
        <source>Re&amp;move ingredient</source>
        <translation>Re&amp;move ingredient</translation>
    </message>
    <message>
        <source>Add customi&amp;zation</source>
        <translation>Add customi&amp;zation</translation>
    </message>
    <message>
        <source>Remove customizati&amp;on</source>
        <translation>Remove customizati&amp;on</translation>
    </message>
    <message>
        <source>The product needs a name.</source>
        <translation>The product needs a name.</translation>
    </message>
    <message>
        <source>An ingredient is listed twice.</source>
        <translation>An ingredient is listed twice.</translation>
    </message>
    <message>
        <source>A customization is listed twice.</source>
        <translation>A customization is listed twice.</translation>
    </message>
</context>
<context>
    <name>TableTap::QrCodePanel</name>
    <message>
        <source>No QR payment waiting</source>
        <translation>No QR payment waiting</translation>
    </message>
    <message>
        <source>Start a QR payment from an order&apos;s details;
its code appears here for the customer to scan.</source>
        <translation>Start a QR payment from an order&apos;s details;
its code appears here for the customer to scan.</translation>
    </message>
    <message>
        <source>Scan to pay %1 — order %2</source>
        <translation>Scan to pay %1 — order %2</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>No expiry</translation>
    </message>
    <message>
        <source>This QR code has expired.
Start a new QR payment from the order&apos;s details.</source>
        <translation>This QR code has expired.
Start a new QR payment from the order&apos;s details.</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Expires in %1:%2</source>
        <translation>Expires in %1:%2</translation>
    </message>
</context>
<context>
    <name>TableTap::ReadyBoardWindow</name>
    <message>
        <source>Order %1 is ready.</source>
        <translation>Order %1 is ready.</translation>
    </message>
    <message>
        <source>%1, order %2 is ready.</source>
        <translation>%1, order %2 is ready.</translation>
    </message>
    <message numerus="yes">
        <source>+ %n more</source>
        <translation>
            <numerusform>+ %n more</numerusform>
            <numerusform>+ %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready board</source>
        <translation>Ready board</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>Preparing</translation>
    </message>
    <message>
        <source>Ready for pickup</source>
        <translation>Ready for pickup</translation>
    </message>
    <message>
        <source>Call out names</source>
        <translation>Call out names</translation>
    </message>
    <message>
        <source>Ring when ready</source>
        <translation>Ring when ready</translation>
    </message>
    <message>
        <source>Speak each customer&apos;s first name and order number when the order is ready</source>
        <translation>Speak each customer&apos;s first name and order number when the order is ready</translation>
    </message>
    <message>
        <source>This machine cannot speak (no Qt text-to-speech engine): play the order-ready sound instead</source>
        <translation>This machine cannot speak (no Qt text-to-speech engine): play the order-ready sound instead</translation>
    </message>
</context>
<context>
    <name>TableTap::ReasonDialog</name>
    <message>
        <source>Move &amp;to:</source>
        <translation>Move &amp;to:</translation>
    </message>
    <message>
        <source>Type or pick a reason</source>
        <translation>Type or pick a reason</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
</context>
<context>
    <name>TableTap::ReportColumns</name>
    <message>
        <source>90th percentile</source>
        <translation>90th percentile</translation>
    </message>
    <message>
        <source>90th percentile prep</source>
        <translation>90th percentile prep</translation>
    </message>
    <message>
        <source>90th percentile wait</source>
        <translation>90th percentile wait</translation>
    </message>
    <message>
        <source>Allowance</source>
        <translation>Allowance</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Average</translation>
    </message>
    <message>
        <source>Average prep</source>
        <translation>Average prep</translation>
    </message>
    <message>
        <source>Average wait</source>
        <translation>Average wait</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Break</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Cancelled at</source>
        <translation>Cancelled at</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <source>Corrected at</source>
        <translation>Corrected at</translation>
    </message>
    <message>
        <source>Corrected by</source>
        <translation>Corrected by</translation>
    </message>
    <message>
        <source>Corrected shifts</source>
        <translation>Corrected shifts</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>Customization</source>
        <translation>Customization</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Day-part</source>
        <translation>Day-part</translation>
    </message>
    <message>
        <source>Drinks</source>
        <translation>Drinks</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Fee kept</source>
        <translation>Fee kept</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>From minute</source>
        <translation>From minute</translation>
    </message>
    <message>
        <source>Gross sales</source>
        <translation>Gross sales</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Hour</translation>
    </message>
    <message>
        <source>Hourly rate</source>
        <translation>Hourly rate</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>In</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Late after</source>
        <translation>Late after</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Median prep</source>
        <translation>Median prep</translation>
    </message>
    <message>
        <source>Median wait</source>
        <translation>Median wait</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Month to date</source>
        <translation>Month to date</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>Never ready</source>
        <translation>Never ready</translation>
    </message>
    <message>
        <source>Not completed</source>
        <translation>Not completed</translation>
    </message>
    <message>
        <source>Now break</source>
        <translation>Now break</translation>
    </message>
    <message>
        <source>Now in</source>
        <translation>Now in</translation>
    </message>
    <message>
        <source>Now out</source>
        <translation>Now out</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <source>Open shifts</source>
        <translation>Open shifts</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Order total</source>
        <translation>Order total</translation>
    </message>
    <message>
        <source>Ordered at</source>
        <translation>Ordered at</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Out</translation>
    </message>
    <message>
        <source>Over allowance</source>
        <translation>Over allowance</translation>
    </message>
    <message>
        <source>Over warning</source>
        <translation>Over warning</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Prep</source>
        <translation>Prep</translation>
    </message>
    <message>
        <source>Prep time</source>
        <translation>Prep time</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Ready at</source>
        <translation>Ready at</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Refunded at</source>
        <translation>Refunded at</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>Shifts</translation>
    </message>
    <message>
        <source>Staff code</source>
        <translation>Staff code</translation>
    </message>
    <message>
        <source>Started at</source>
        <translation>Started at</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>Taken by</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Tax</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Tips</source>
        <translation>Tips</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Wait</translation>
    </message>
    <message>
        <source>Warning after</source>
        <translation>Warning after</translation>
    </message>
    <message>
        <source>Was break</source>
        <translation>Was break</translation>
    </message>
    <message>
        <source>Was in</source>
        <translation>Was in</translation>
    </message>
    <message>
        <source>Was out</source>
        <translation>Was out</translation>
    </message>
    <message>
        <source>With a tip</source>
        <translation>With a tip</translation>
    </message>
    <message>
        <source>Within allowance</source>
        <translation>Within allowance</translation>
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
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
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
        <translation>Report:</translation>
    </message>
    <message>
        <source>Day (Z) report</source>
        <translation>Day (Z) report</translation>
    </message>
    <message>
        <source>Speed of service</source>
        <translation>Speed of service</translation>
    </message>
    <message>
        <source>Staff hours</source>
        <translation>Staff hours</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>Chosen dates</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>Last week</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>First business date</source>
        <translation>First business date</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>Last business date</source>
        <translation>Last business date</translation>
    </message>
    <message>
        <source>Ru&amp;n</source>
        <translation>Ru&amp;n</translation>
    </message>
    <message>
        <source>Ask the hub for this report</source>
        <translation>Ask the hub for this report</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Save the report as a CSV file for a spreadsheet</source>
        <translation>Save the report as a CSV file for a spreadsheet</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>Choose a report and its dates, then Run.</source>
        <translation>Choose a report and its dates, then Run.</translation>
    </message>
    <message>
        <source>Asking the hub for the %1 of %2…</source>
        <translation>Asking the hub for the %1 of %2…</translation>
    </message>
    <message>
        <source>Nothing happened on %1: no orders, payments or shifts.</source>
        <translation>Nothing happened on %1: no orders, payments or shifts.</translation>
    </message>
    <message>
        <source>The hub could not make this report: %1</source>
        <translation>The hub could not make this report: %1</translation>
    </message>
    <message>
        <source>Reports need a Table Tap hub: this server sends live events only and keeps no reports.</source>
        <translation>Reports need a Table Tap hub: this server sends live events only and keeps no reports.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Orders and sales by hour</source>
        <translation>Orders and sales by hour</translation>
    </message>
    <message>
        <source>Orders and sales by part of the day</source>
        <translation>Orders and sales by part of the day</translation>
    </message>
    <message>
        <source>Product mix</source>
        <translation>Product mix</translation>
    </message>
    <message>
        <source>Customizations</source>
        <translation>Customizations</translation>
    </message>
    <message>
        <source>Payments by method</source>
        <translation>Payments by method</translation>
    </message>
    <message>
        <source>Tips by who took the order</source>
        <translation>Tips by who took the order</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>Voided payments</source>
        <translation>Voided payments</translation>
    </message>
    <message>
        <source>Cancelled orders</source>
        <translation>Cancelled orders</translation>
    </message>
    <message>
        <source>Cancellations by reason</source>
        <translation>Cancellations by reason</translation>
    </message>
    <message>
        <source>Staff drinks against allowances</source>
        <translation>Staff drinks against allowances</translation>
    </message>
    <message>
        <source>Prep time by counter</source>
        <translation>Prep time by counter</translation>
    </message>
    <message>
        <source>Prep time by product</source>
        <translation>Prep time by product</translation>
    </message>
    <message>
        <source>Prep time distribution</source>
        <translation>Prep time distribution</translation>
    </message>
    <message>
        <source>Late tickets</source>
        <translation>Late tickets</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>Shifts</translation>
    </message>
    <message>
        <source>Hours and pay by person and day</source>
        <translation>Hours and pay by person and day</translation>
    </message>
    <message>
        <source>Payroll by person</source>
        <translation>Payroll by person</translation>
    </message>
    <message>
        <source>Timesheet corrections</source>
        <translation>Timesheet corrections</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>None.</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Business dates</source>
        <translation>Business dates</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Generated</translation>
    </message>
    <message>
        <source>Times in</source>
        <translation>Times in</translation>
    </message>
    <message>
        <source>Nothing in this period.</source>
        <translation>Nothing in this period.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>There is no report to export yet.</source>
        <translation>There is no report to export yet.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>Export the report as CSV</source>
        <translation>Export the report as CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>Export the report as PDF</source>
        <translation>Export the report as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>Print the report</source>
        <translation>Print the report</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Print preview</translation>
    </message>
</context>
<context>
    <name>TableTap::SettingsDialog</name>
    <message>
        <source>Chime when a new order arrives</source>
        <translation>Chime when a new order arrives</translation>
    </message>
    <message>
        <source>Console settings</source>
        <translation>Console settings</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Order queue colours</source>
        <translation>Order queue colours</translation>
    </message>
    <message>
        <source>Amber after:</source>
        <translation>Amber after:</translation>
    </message>
    <message>
        <source>Red (late) after:</source>
        <translation>Red (late) after:</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Toasts shown at once:</source>
        <translation>Toasts shown at once:</translation>
    </message>
    <message>
        <source>Toasts disappear after:</source>
        <translation>Toasts disappear after:</translation>
    </message>
    <message>
        <source>Critical stock alert sounds again every:</source>
        <translation>Critical stock alert sounds again every:</translation>
    </message>
    <message>
        <source>Toasts for orders ready</source>
        <translation>Toasts for orders ready</translation>
    </message>
    <message>
        <source>Toasts for stock alerts</source>
        <translation>Toasts for stock alerts</translation>
    </message>
    <message>
        <source>Toasts for refused actions</source>
        <translation>Toasts for refused actions</translation>
    </message>
    <message>
        <source>Toasts for failed payments</source>
        <translation>Toasts for failed payments</translation>
    </message>
</context>
<context>
    <name>TableTap::ShiftListModel</name>
    <message>
        <source>open over 12 h</source>
        <translation>open over 12 h</translation>
    </message>
    <message>
        <source>missed break</source>
        <translation>missed break</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>corrected (%n)</source>
        <translation>
            <numerusform>corrected (%n)</numerusform>
            <numerusform>corrected (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Employee</translation>
    </message>
    <message>
        <source>Shift date</source>
        <translation>Shift date</translation>
    </message>
    <message>
        <source>In</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Out</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Break</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnings</translation>
    </message>
</context>
<context>
    <name>TableTap::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Switch view (queue, counters, inventory, timesheets, payments, dashboard, event log, hub)</source>
        <translation>Switch view (queue, counters, inventory, timesheets, payments, dashboard, event log, hub)</translation>
    </message>
    <message>
        <source>Move through the queue</source>
        <translation>Move through the queue</translation>
    </message>
    <message>
        <source>Space / Enter</source>
        <translation>Space / Enter</translation>
    </message>
    <message>
        <source>Advance the selected order (pending → preparing → ready → completed)</source>
        <translation>Advance the selected order (pending → preparing → ready → completed)</translation>
    </message>
    <message>
        <source>Recall the last status change (for a minute)</source>
        <translation>Recall the last status change (for a minute)</translation>
    </message>
    <message>
        <source>Cancel the selected order (managers)</source>
        <translation>Cancel the selected order (managers)</translation>
    </message>
    <message>
        <source>Move the selected order to another counter (managers)</source>
        <translation>Move the selected order to another counter (managers)</translation>
    </message>
    <message>
        <source>Search the queue; Esc clears and returns to the queue</source>
        <translation>Search the queue; Esc clears and returns to the queue</translation>
    </message>
    <message>
        <source>Alt+O</source>
        <translation>Alt+O</translation>
    </message>
    <message>
        <source>Choose the counter to follow</source>
        <translation>Choose the counter to follow</translation>
    </message>
    <message>
        <source>Acknowledge the selected stock alert</source>
        <translation>Acknowledge the selected stock alert</translation>
    </message>
    <message>
        <source>Acknowledge all stock alerts</source>
        <translation>Acknowledge all stock alerts</translation>
    </message>
    <message>
        <source>Clock in</source>
        <translation>Clock in</translation>
    </message>
    <message>
        <source>Clock out</source>
        <translation>Clock out</translation>
    </message>
    <message>
        <source>Record a staff drink</source>
        <translation>Record a staff drink</translation>
    </message>
    <message>
        <source>Show or hide the outbox</source>
        <translation>Show or hide the outbox</translation>
    </message>
    <message>
        <source>Dismiss notifications</source>
        <translation>Dismiss notifications</translation>
    </message>
    <message>
        <source>Mute or unmute sounds</source>
        <translation>Mute or unmute sounds</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>This list</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Open the counter display (its own keys: the Keys… button there)</source>
        <translation>Open the counter display (its own keys: the Keys… button there)</translation>
    </message>
    <message>
        <source>Open the customer ready board</source>
        <translation>Open the customer ready board</translation>
    </message>
    <message>
        <source>Alt+N</source>
        <translation>Alt+N</translation>
    </message>
    <message>
        <source>Run the report (Reports, managers)</source>
        <translation>Run the report (Reports, managers)</translation>
    </message>
</context>
<context>
    <name>TableTap::StaffDialog</name>
    <message>
        <source>Add a staff member</source>
        <translation>Add a staff member</translation>
    </message>
    <message>
        <source>Edit %1 (%2)</source>
        <translation>Edit %1 (%2)</translation>
    </message>
    <message>
        <source>Cafe &amp;default</source>
        <translation>Cafe &amp;default</translation>
    </message>
    <message>
        <source>e.g. EMP007</source>
        <translation>e.g. EMP007</translation>
    </message>
    <message>
        <source> drinks a month</source>
        <translation> drinks a month</translation>
    </message>
    <message>
        <source>Employee &amp;code:</source>
        <translation>Employee &amp;code:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <source>&amp;Hourly rate:</source>
        <translation>&amp;Hourly rate:</translation>
    </message>
    <message>
        <source>Drink &amp;allowance:</source>
        <translation>Drink &amp;allowance:</translation>
    </message>
    <message>
        <source>The employee code is 1 to 32 letters, digits, - or _.</source>
        <translation>The employee code is 1 to 32 letters, digits, - or _.</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Enter a name.</translation>
    </message>
    <message>
        <source>Pick a role.</source>
        <translation>Pick a role.</translation>
    </message>
    <message>
        <source>Nothing changed yet.</source>
        <translation>Nothing changed yet.</translation>
    </message>
</context>
<context>
    <name>TableTap::StaffModel</name>
    <message>
        <source>Employee</source>
        <translation>Employee</translation>
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
        <translation>Active</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>cafe default (%1)</source>
        <translation>cafe default (%1)</translation>
    </message>
    <message>
        <source>cafe default</source>
        <translation>cafe default</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hourly rate</source>
        <translation>Hourly rate</translation>
    </message>
    <message>
        <source>Drinks / month</source>
        <translation>Drinks / month</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Last sign-in</translation>
    </message>
</context>
<context>
    <name>TableTap::StaffView</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Disa&amp;ble…</source>
        <translation>Disa&amp;ble…</translation>
    </message>
    <message>
        <source>Set &amp;role…</source>
        <translation>Set &amp;role…</translation>
    </message>
    <message>
        <source>Reset PI&amp;N…</source>
        <translation>Reset PI&amp;N…</translation>
    </message>
    <message>
        <source>Rev&amp;oke sessions…</source>
        <translation>Rev&amp;oke sessions…</translation>
    </message>
    <message>
        <source>Device to&amp;ken…</source>
        <translation>Device to&amp;ken…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Re&amp;fresh</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Add someone who can sign in with a code and PIN</source>
        <translation>Add someone who can sign in with a code and PIN</translation>
    </message>
    <message>
        <source>Change the name, hourly rate or drink allowance (Enter)</source>
        <translation>Change the name, hourly rate or drink allowance (Enter)</translation>
    </message>
    <message>
        <source>Sign the person out everywhere: their consoles and device tokens stop working</source>
        <translation>Sign the person out everywhere: their consoles and device tokens stop working</translation>
    </message>
    <message>
        <source>A long-lived token for a tablet, shown as a QR code</source>
        <translation>A long-lived token for a tablet, shown as a QR code</translation>
    </message>
    <message>
        <source>Live events only: this server offers no staff list. Managing staff needs the Table Tap hub.</source>
        <translation>Live events only: this server offers no staff list. Managing staff needs the Table Tap hub.</translation>
    </message>
    <message>
        <source>The staff list could not be loaded: %1</source>
        <translation>The staff list could not be loaded: %1</translation>
    </message>
    <message>
        <source>Not connected: the staff list loads once the console is online.</source>
        <translation>Not connected: the staff list loads once the console is online.</translation>
    </message>
    <message>
        <source>Loading the staff list…</source>
        <translation>Loading the staff list…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Ena&amp;ble…</source>
        <translation>Ena&amp;ble…</translation>
    </message>
    <message>
        <source>Could not send: %1</source>
        <translation>Could not send: %1</translation>
    </message>
    <message>
        <source>Sent: %1</source>
        <translation>Sent: %1</translation>
    </message>
    <message>
        <source>add %1</source>
        <translation>add %1</translation>
    </message>
    <message>
        <source>edit %1</source>
        <translation>edit %1</translation>
    </message>
    <message>
        <source>enable %1</source>
        <translation>enable %1</translation>
    </message>
    <message>
        <source>Disable %1</source>
        <translation>Disable %1</translation>
    </message>
    <message>
        <source>Disable %1? They can no longer sign in, and every console and device signed in as them is signed out now.</source>
        <translation>Disable %1? They can no longer sign in, and every console and device signed in as them is signed out now.</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <source>disable %1</source>
        <translation>disable %1</translation>
    </message>
    <message>
        <source>Role of %1</source>
        <translation>Role of %1</translation>
    </message>
    <message>
        <source>New role (they keep working on the consoles they are signed in to):</source>
        <translation>New role (they keep working on the consoles they are signed in to):</translation>
    </message>
    <message>
        <source>make %1 %2</source>
        <translation>make %1 %2</translation>
    </message>
    <message>
        <source>new PIN for %1</source>
        <translation>new PIN for %1</translation>
    </message>
    <message>
        <source>Revoke sessions of %1</source>
        <translation>Revoke sessions of %1</translation>
    </message>
    <message>
        <source>Sign %1 out everywhere? Every console, refresh token and device token of theirs stops working; they can sign in again with their PIN.</source>
        <translation>Sign %1 out everywhere? Every console, refresh token and device token of theirs stops working; they can sign in again with their PIN.</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>Re&amp;voke</translation>
    </message>
    <message>
        <source>revoke the sessions of %1</source>
        <translation>revoke the sessions of %1</translation>
    </message>
    <message>
        <source>device token for %1</source>
        <translation>device token for %1</translation>
    </message>
    <message>
        <source>Not done for %1: %2</source>
        <translation>Not done for %1: %2</translation>
    </message>
    <message>
        <source>Done for %1.</source>
        <translation>Done for %1.</translation>
    </message>
    <message>
        <source>New PIN for %1</source>
        <translation>New PIN for %1</translation>
    </message>
    <message>
        <source>The new PIN for %1 is

%2

Hand it over now: it is not shown again.</source>
        <translation>The new PIN for %1 is

%2

Hand it over now: it is not shown again.</translation>
    </message>
</context>
<context>
    <name>TableTap::StatusStrip</name>
    <message>
        <source>orders</source>
        <translation>orders</translation>
    </message>
    <message>
        <source>inventory</source>
        <translation>inventory</translation>
    </message>
    <message>
        <source>employees</source>
        <translation>employees</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>payments</translation>
    </message>
    <message>
        <source>system</source>
        <translation>system</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>manager</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>employee</source>
        <translation>employee</translation>
    </message>
    <message>
        <source>Actions taken at this console and where each stands (Ctrl+O)</source>
        <translation>Actions taken at this console and where each stands (Ctrl+O)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>Transport to the hub</source>
        <translation>Transport to the hub</translation>
    </message>
    <message>
        <source>Last event at %1</source>
        <translation>Last event at %1</translation>
    </message>
    <message>
        <source>No event yet</source>
        <translation>No event yet</translation>
    </message>
    <message>
        <source>Namespace %1 connected</source>
        <translation>Namespace %1 connected</translation>
    </message>
    <message>
        <source>Namespace %1 NOT connected</source>
        <translation>Namespace %1 NOT connected</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>not signed in</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Outbox: %1 waiting</source>
        <translation>Outbox: %1 waiting</translation>
    </message>
    <message>
        <source>, %1 refused</source>
        <translation>, %1 refused</translation>
    </message>
    <message>
        <source>Demo time %1 (×%2)</source>
        <translation>Demo time %1 (×%2)</translation>
    </message>
    <message>
        <source>The demo cafe&apos;s simulated clock: %1 simulated seconds pass each real second. Every time and age in the console reads this clock.</source>
        <translation>The demo cafe&apos;s simulated clock: %1 simulated seconds pass each real second. Every time and age in the console reads this clock.</translation>
    </message>
    <message>
        <source>Live events only — this server offers no snapshots</source>
        <translation>Live events only — this server offers no snapshots</translation>
    </message>
    <message>
        <source>The server answers no snapshot requests and no acks (it speaks the bare Table Tap event contract). The console shows what arrived since %1 and keeps it across reconnects, so it may be incomplete: orders, stock, shifts and payments from before, and whatever happened while the link was down, are missing. Actions are confirmed by their events.</source>
        <translation>The server answers no snapshot requests and no acks (it speaks the bare Table Tap event contract). The console shows what arrived since %1 and keeps it across reconnects, so it may be incomplete: orders, stock, shifts and payments from before, and whatever happened while the link was down, are missing. Actions are confirmed by their events.</translation>
    </message>
    <message>
        <source>Last reconnect without the events missed: %1</source>
        <translation>Last reconnect without the events missed: %1</translation>
    </message>
    <message>
        <source>, %1 unknown</source>
        <translation>, %1 unknown</translation>
    </message>
</context>
<context>
    <name>TableTap::StockAdjustDialog</name>
    <message>
        <source>Adjust stock: %1</source>
        <translation>Adjust stock: %1</translation>
    </message>
    <message>
        <source>Delivery received (restock)</source>
        <translation>Delivery received (restock)</translation>
    </message>
    <message>
        <source>Correction after a count (+/−)</source>
        <translation>Correction after a count (+/−)</translation>
    </message>
    <message>
        <source>Waste (spilt, expired)</source>
        <translation>Waste (spilt, expired)</translation>
    </message>
    <message>
        <source>Supplier, delivery note, reason…</source>
        <translation>Supplier, delivery note, reason…</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>&amp;Quantity:</source>
        <translation>&amp;Quantity:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Result:</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source> (below zero: not possible)</source>
        <translation> (below zero: not possible)</translation>
    </message>
    <message>
        <source> (still under the reorder level of %1)</source>
        <translation> (still under the reorder level of %1)</translation>
    </message>
</context>
<context>
    <name>TableTap::StockAlertModel</name>
    <message>
        <source>OUT</source>
        <translation>OUT</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Reorder at</source>
        <translation>Reorder at</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Affects</source>
        <translation>Affects</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Raised</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
</context>
<context>
    <name>TableTap::SystemPrinter</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>cannot create the folder %1</translation>
    </message>
    <message>
        <source>the system has no default printer</source>
        <translation>the system has no default printer</translation>
    </message>
    <message>
        <source>the system knows no printer called %1</source>
        <translation>the system knows no printer called %1</translation>
    </message>
    <message>
        <source>the printer cannot print now</source>
        <translation>the printer cannot print now</translation>
    </message>
    <message>
        <source>could not write %1</source>
        <translation>could not write %1</translation>
    </message>
</context>
<context>
    <name>TableTap::TicketItemRow</name>
    <message>
        <source>%1, made</source>
        <translation>%1, made</translation>
    </message>
    <message>
        <source>Tap to mark it made or not made</source>
        <translation>Tap to mark it made or not made</translation>
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
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>late</source>
        <translation>late</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Making</source>
        <translation>Making</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Picked up</source>
        <translation>Picked up</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 for %2</translation>
    </message>
    <message>
        <source>No counter</source>
        <translation>No counter</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Cancelled: %1</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Bump</source>
        <translation>Bump</translation>
    </message>
    <message>
        <source>Bump order %1: %2</source>
        <translation>Bump order %1: %2</translation>
    </message>
    <message>
        <source>Order %1 for %2</source>
        <translation>Order %1 for %2</translation>
    </message>
    <message>
        <source>Ticket %1: %2</source>
        <translation>Ticket %1: %2</translation>
    </message>
    <message>
        <source>%1, made</source>
        <translation>%1, made</translation>
    </message>
    <message numerus="yes">
        <source>waiting %n minute(s)</source>
        <translation>
            <numerusform>waiting %n minute</numerusform>
            <numerusform>waiting %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>at %1</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>selected</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>CANCELLED</translation>
    </message>
    <message>
        <source>MOVED HERE</source>
        <translation>MOVED HERE</translation>
    </message>
    <message>
        <source>MOVED HERE from %1</source>
        <translation>MOVED HERE from %1</translation>
    </message>
    <message>
        <source>MOVED to %1</source>
        <translation>MOVED to %1</translation>
    </message>
    <message>
        <source>ITEMS CHANGED</source>
        <translation>ITEMS CHANGED</translation>
    </message>
</context>
<context>
    <name>TableTap::TimesheetCorrectionDialog</name>
    <message>
        <source>Close the forgotten shift</source>
        <translation>Close the forgotten shift</translation>
    </message>
    <message>
        <source>Correct the timesheet of %1</source>
        <translation>Correct the timesheet of %1</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Why (required): forgot to clock out, tablet was down…</source>
        <translation>Why (required): forgot to clock out, tablet was down…</translation>
    </message>
    <message>
        <source>%1, %2: clocked in at %3, still open.</source>
        <translation>%1, %2: clocked in at %3, still open.</translation>
    </message>
    <message>
        <source>%1, %2: %3 to %4, break %5 min.</source>
        <translation>%1, %2: %3 to %4, break %5 min.</translation>
    </message>
    <message>
        <source>Clock-&amp;in:</source>
        <translation>Clock-&amp;in:</translation>
    </message>
    <message>
        <source>Clock-&amp;out:</source>
        <translation>Clock-&amp;out:</translation>
    </message>
    <message>
        <source>&amp;Break:</source>
        <translation>&amp;Break:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>&amp;Correct</source>
        <translation>&amp;Correct</translation>
    </message>
    <message>
        <source>The clock-in is in the future.</source>
        <translation>The clock-in is in the future.</translation>
    </message>
    <message>
        <source>The clock-out is in the future.</source>
        <translation>The clock-out is in the future.</translation>
    </message>
    <message>
        <source>The clock-out must be after the clock-in.</source>
        <translation>The clock-out must be after the clock-in.</translation>
    </message>
    <message>
        <source>The break is longer than the shift.</source>
        <translation>The break is longer than the shift.</translation>
    </message>
    <message>
        <source>Nothing is changed yet.</source>
        <translation>Nothing is changed yet.</translation>
    </message>
    <message>
        <source>Give the reason for the correction.</source>
        <translation>Give the reason for the correction.</translation>
    </message>
</context>
<context>
    <name>TableTap::TimesheetModel</name>
    <message>
        <source>in</source>
        <translation>in</translation>
    </message>
    <message>
        <source>out</source>
        <translation>out</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>In / out</source>
        <translation>In / out</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Hours today</source>
        <translation>Hours today</translation>
    </message>
    <message>
        <source>Pay today</source>
        <translation>Pay today</translation>
    </message>
    <message>
        <source>Drinks this month</source>
        <translation>Drinks this month</translation>
    </message>
</context>
<context>
    <name>TableTap::TimesheetsView</name>
    <message>
        <source>Clock &amp;out…</source>
        <translation>Clock &amp;out…</translation>
    </message>
    <message>
        <source>Start your shift (Ctrl+I)</source>
        <translation>Start your shift (Ctrl+I)</translation>
    </message>
    <message>
        <source>End your shift and enter your break (Ctrl+Shift+I)</source>
        <translation>End your shift and enter your break (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <source>Record a staff drink against your monthly allowance (Ctrl+D)</source>
        <translation>Record a staff drink against your monthly allowance (Ctrl+D)</translation>
    </message>
    <message>
        <source>Nobody is clocked in.</source>
        <translation>Nobody is clocked in.</translation>
    </message>
    <message>
        <source>In now (%1): %2</source>
        <translation>In now (%1): %2</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Not signed in.</translation>
    </message>
    <message>
        <source>You are clocked in since %1.</source>
        <translation>You are clocked in since %1.</translation>
    </message>
    <message>
        <source>You are not clocked in.</source>
        <translation>You are not clocked in.</translation>
    </message>
    <message>
        <source>Drinks this month: %1 of %2.</source>
        <translation>Drinks this month: %1 of %2.</translation>
    </message>
    <message>
        <source>Clocked in since %1.</source>
        <translation>Clocked in since %1.</translation>
    </message>
    <message>
        <source>Used this month: %1 of %2.</source>
        <translation>Used this month: %1 of %2.</translation>
    </message>
    <message>
        <source>Clock i&amp;n</source>
        <translation>Clock i&amp;n</translation>
    </message>
    <message>
        <source>Record a d&amp;rink…</source>
        <translation>Record a d&amp;rink…</translation>
    </message>
    <message>
        <source>Live events only: this server offers no timesheets. People appear here as they clock in or out while this console is connected; clocking in and out and recording drinks here need the Table Tap hub.</source>
        <translation>Live events only: this server offers no timesheets. People appear here as they clock in or out while this console is connected; clocking in and out and recording drinks here need the Table Tap hub.</translation>
    </message>
    <message>
        <source>Timesheets</source>
        <translation>Timesheets</translation>
    </message>
    <message>
        <source>Correct shi&amp;ft…</source>
        <translation>Correct shi&amp;ft…</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>Shifts</translation>
    </message>
    <message>
        <source>Correct the selected shift&apos;s clock-in, clock-out or break, with a reason (managers)</source>
        <translation>Correct the selected shift&apos;s clock-in, clock-out or break, with a reason (managers)</translation>
    </message>
    <message>
        <source>Corrections of the selected shift</source>
        <translation>Corrections of the selected shift</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Shifts of the last two weeks:</source>
        <translation>Shifts of the last two weeks:</translation>
    </message>
    <message>
        <source>Select a shift to see its corrections.</source>
        <translation>Select a shift to see its corrections.</translation>
    </message>
    <message>
        <source>%1, %2: never corrected.</source>
        <translation>%1, %2: never corrected.</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2: %n correction(s), the original first.</source>
        <translation>
            <numerusform>%1, %2: %n correction, the original first.</numerusform>
            <numerusform>%1, %2: %n corrections, the original first.</numerusform>
        </translation>
    </message>
    <message>
        <source>Warnings: %1.</source>
        <translation>Warnings: %1.</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>in %1 → %2</source>
        <translation>in %1 → %2</translation>
    </message>
    <message>
        <source>out %1 → %2</source>
        <translation>out %1 → %2</translation>
    </message>
    <message>
        <source>break %1 → %2 min</source>
        <translation>break %1 → %2 min</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>TableTap::ToastStack</name>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
</TS>
