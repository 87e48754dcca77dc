<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>TableTap::AllDayModel</name>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::CafeSession</name>
    <message>
        <source>The hub did not answer with a token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the hub: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attempt %1 in %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recovered: missed events replayed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new session: loading snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not understood: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped: another cafe&apos;s event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recalled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>move %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clock in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clock out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drink: %1× %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 payment for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirm payment for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 out: %2 %3 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 waiting, %3 portions of %4 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No heartbeat from the hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::ClockOutDialog</name>
    <message>
        <source>Clock out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Break taken:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::ConnectDialog</name>
    <message>
        <source>Connect to a Table Tap hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional when the hub serves one cafe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the access token (a JWT) here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hub address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;afe:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Employee code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hub a&amp;ddress:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a &amp;token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a hub on this computer (demo cafe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs the in-store hub inside the console with the simulator and signs in to it as a manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hub&apos;s token does not name a user and a cafe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the hub&apos;s address, like http://cafe-pc:3000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your employee code and PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a Table Tap access token (it must name a user and a cafe).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::CounterModel</name>
    <message>
        <source>Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::CountersView</name>
    <message>
        <source>Show in &amp;queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take &amp;out of service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put back in &amp;service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take %1 out of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 open order(s); the hub moves them to the other active counters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put %1 back in service: new orders may go to it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equipment maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back from maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rush hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::DashboardModel</name>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg prep (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::DashboardView</name>
    <message>
        <source>Orders today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average prep time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders per %1 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average prep time (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue per %1 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock against reorder level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::DrinkDialog</name>
    <message>
        <source>Record a staff drink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Drink:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;How many:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The menu has not arrived from the hub yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::EventLogModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::EventLogView</name>
    <message>
        <source>&amp;Follow new events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by event or text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Namespace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shown of %2 kept; %3 events received this session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::HubPanel</name>
    <message>
        <source>Run the &amp;simulator (customers, staff, stock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events delivered per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hub running at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hub stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hub stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tart hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients: %1 · events/s in %2, out %3 · delivered %4 · sockets: %5 · data: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in memory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::InventoryModel</name>
    <message>
        <source>out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorder at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::InventoryView</name>
    <message>
        <source>Restock / &amp;adjust…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Acknowledge alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge a&amp;ll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Acknowledge (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Stock alerts&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Stock&lt;/b&gt; — bars show stock against the maximum, the tick the reorder level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>🔔 Sounding until acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::LivenessBanner</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 action(s) wait in the outbox and go out when the hub is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions you take wait in the outbox and go out when the hub is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the hub… — the screen is not live yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for %1 since %2 (%3). %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection to the hub lost — NOT UPDATING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting to %1. Nothing has arrived since %2 (%3). %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hub has gone silent — data may be stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No heartbeat from %1 beyond its interval (since %2, %3). %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — not connected to a hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing on screen is updating (since %1, %2). %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hub refused this console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Sign in again to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::MainWindow</name>
    <message>
        <source>&amp;Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coun&amp;ters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Inventory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time&amp;sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Event log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload everything from the hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mute sounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dismiss notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Table Tap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Table Tap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Table Tap Console %1&lt;/h3&gt;&lt;p&gt;Live order queue, counters, stock, staff and payments for cafes, over Socket.IO to the in-store hub.&lt;/p&gt;&lt;p&gt;Sounds: %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt Multimedia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system beep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table Tap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table Tap — %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Inventory (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::Notifier</name>
    <message>
        <source>Order %1 is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment failed for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — it can be retried from Payments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is out of stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is running low (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Affects: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left, reorder at %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::OrderDetailsPane</name>
    <message>
        <source>not paid yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;sh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Con&amp;firm payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take payment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charge the order&apos;s total to a card through the payment provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take cash; confirm once the money is in the till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a QR code the customer scans to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the cash was taken or the QR payment arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No order selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an order in the queue to see its items, totals, payment and history.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ordered at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated ready:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy order: placed by %1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the hub to confirm: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::OrderQueueDelegate</name>
    <message>
        <source>Start ▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready ▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete ▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preparing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proxy order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⏳ sending: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::OrderQueueModel</name>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::OrderQueueView</name>
    <message>
        <source>&amp;Advance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected order on: pending → preparing → ready → completed (Space or Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo this console&apos;s last status change, for a minute (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the selected order, with a reason (Delete; managers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move to counter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected order to another counter, with a reason (Ctrl+M; managers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search orders, customers, items (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ounter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;All day&lt;/b&gt; — waiting per product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel order %1 for %2 (%3)? Paid orders are refunded by the hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer changed their mind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move order %1 (now at %2) to another counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load balancing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equipment problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 open, %2 late · showing %3 · Space/Enter advances the selected order, Ctrl+Z recalls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recall %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::OutboxModel</name>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hub says</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::OutboxPanel</name>
    <message>
        <source>Show finished actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions wait here while the hub is unreachable and go out once, in order, when it is back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::PaymentModel</name>
    <message>
        <source>fee %1, net %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires in %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::PaymentsView</name>
    <message>
        <source>&amp;Retry payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm cash / QR received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the same payment again (only when the provider allows a retry)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::QrCodePanel</name>
    <message>
        <source>No QR payment waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a QR payment from an order&apos;s details;
its code appears here for the customer to scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan to pay %1 — order %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This QR code has expired.
Start a new QR payment from the order&apos;s details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires in %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::ReasonDialog</name>
    <message>
        <source>Move &amp;to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type or pick a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::SettingsDialog</name>
    <message>
        <source>Chime when a new order arrives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order queue colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amber after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red (late) after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toasts shown at once:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toasts disappear after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical stock alert sounds again every:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch view (queue, counters, inventory, timesheets, payments, dashboard, event log, hub)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move through the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space / Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advance the selected order (pending → preparing → ready → completed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall the last status change (for a minute)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the selected order (managers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected order to another counter (managers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the queue; Esc clears and returns to the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the counter to follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge the selected stock alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge all stock alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a staff drink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute or unmute sounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::StatusStrip</name>
    <message>
        <source>orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inventory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>employees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions taken at this console and where each stands (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transport to the hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last event at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No event yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace %1 connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace %1 NOT connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox: %1 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::StockAdjustDialog</name>
    <message>
        <source>Adjust stock: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery received (restock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction after a count (+/−)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waste (spilt, expired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplier, delivery note, reason…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quantity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (below zero: not possible)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (still under the reorder level of %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::StockAlertModel</name>
    <message>
        <source>OUT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorder at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Affects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::TimesheetModel</name>
    <message>
        <source>in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In / out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drinks this month</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::TimesheetsView</name>
    <message>
        <source>Clock &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock &amp;out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a &amp;drink…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start your shift (Ctrl+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End your shift and enter your break (Ctrl+Shift+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a staff drink against your monthly allowance (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is clocked in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In now (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are clocked in since %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not clocked in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drinks this month: %1 of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clocked in since %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used this month: %1 of %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTap::ToastStack</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
