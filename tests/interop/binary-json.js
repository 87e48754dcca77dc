// Binary values in the JSON lines the Node peers print and read: a Buffer (or Uint8Array,
// ArrayBuffer) is {"_binary": base64}, as tabletap-cli prints them. Shared by server.js and
// cluster-node.js.
"use strict";
const encode = (v) => {
  if (Buffer.isBuffer(v) || v instanceof Uint8Array || v instanceof ArrayBuffer)
    return { _binary: Buffer.from(v).toString("base64") };
  if (Array.isArray(v)) return v.map(encode);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]));
  return v;
};
const decode = (v) => {
  if (Array.isArray(v)) return v.map(decode);
  if (v && typeof v === "object") {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === "_binary") return Buffer.from(v._binary, "base64");
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
  }
  return v;
};
module.exports = { encode, decode };
