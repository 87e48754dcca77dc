"use strict";
// The test harness drives each Node peer by one JSON object per line on stdin. onLine gets each
// parsed object; a line that is not JSON, or a handler that throws, reaches onError instead of
// ending the peer. The peer exits when the harness closes stdin.
module.exports = function readCommands(onLine, onError) {
  let buffered = "";
  process.stdin.on("data", (chunk) => {
    buffered += chunk;
    let nl;
    while ((nl = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      if (!line) continue;
      try {
        onLine(JSON.parse(line));
      } catch (e) {
        onError(e);
      }
    }
  });
  process.stdin.on("end", () => process.exit(0));
  process.stdin.on("error", () => process.exit(0));
};
