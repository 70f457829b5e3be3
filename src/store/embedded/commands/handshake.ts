/** Connection-level commands: hello/isMaster, ping, buildInfo, getParameter, endSessions. */
import type { Document } from "../contract.js";
import type { Ctx } from "../engine/context.js";

const VERSION = "7.0.0";

/** A standalone server: no setName, no compression, no topologyVersion (so drivers poll). */
function hello(legacy: boolean) {
  return (ctx: Ctx): Document => ({
    ...(legacy ? { ismaster: true } : { isWritablePrimary: true }),
    helloOk: true,
    maxBsonObjectSize: 16777216,
    maxMessageSizeBytes: 48000000,
    maxWriteBatchSize: 100000,
    localTime: ctx.now,
    logicalSessionTimeoutMinutes: 30,
    // The engine does not see connections: each hello gets a fresh id, the host may overwrite it.
    connectionId: ctx.nextConnectionId(),
    minWireVersion: 0,
    maxWireVersion: 21,
    readOnly: false,
    ok: 1,
  });
}

function buildInfo(): Document {
  return {
    version: VERSION,
    gitVersion: "embedded",
    versionArray: [7, 0, 0, 0],
    bits: 64,
    debug: false,
    maxBsonObjectSize: 16777216,
    javascriptEngine: "none",
    storageEngines: ["embedded"],
    modules: [],
    ok: 1,
  };
}

const PARAMETERS: Document = {
  featureCompatibilityVersion: { version: "7.0" },
  authenticationMechanisms: [],
  maxBSONDepth: 100,
};

function getParameter(_ctx: Ctx, cmd: Document): Document {
  const all = cmd.getParameter === "*";
  const out: Document = {};
  for (const [name, value] of Object.entries(PARAMETERS)) if (all || name in cmd) out[name] = value;
  return { ...out, ok: 1 };
}

export const handshakeCommands = {
  hello: hello(false),
  isMaster: hello(true),
  ismaster: hello(true),
  ping: (): Document => ({ ok: 1 }),
  buildInfo,
  buildinfo: buildInfo,
  getParameter,
  endSessions: (): Document => ({ ok: 1 }),
};
