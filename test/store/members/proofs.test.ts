import mongoose, { type Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CODE_ATTEMPTS, CODE_VALID_MS, PROOF_VALID_MS, createProofStore, type ProofStore } from "../../../src/store/members/proofs.js";
import { startEmbeddedForTest } from "../../support/sampark.js";
import { recentDates } from "../../support/recent-dates.js";

// Recent, not weeks ago: the store sweeps the codes' TTL index on the real clock.
const T0 = recentDates("2026-02-01T10:00:00Z")("2026-02-01T10:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describe("membership proofs", () => {
  let store: { uri: string; stop(): Promise<void> };
  let connection: Connection;
  let proofs: ProofStore;

  beforeAll(async () => {
    store = await startEmbeddedForTest();
    connection = await mongoose.createConnection(`${store.uri}/proofs`).asPromise();
    proofs = createProofStore(connection);
    await proofs.init();
  });
  afterAll(async () => {
    await connection?.close();
    await store?.stop();
  });

  it("a granted proof allows one update: the same update run finds it again, another does not", async () => {
    await proofs.grant({ id: "g1", contactKey: "web:a", memberId: "m1", method: "phone", actor: "self" }, T0);
    await proofs.grant({ id: "g1", contactKey: "web:a", memberId: "m1", method: "phone", actor: "self" }, T0);
    expect(await proofs.use("web:b", "m1", "u1", at(1000))).toBeUndefined();
    expect(await proofs.use("web:a", "m2", "u1", at(1000))).toBeUndefined();
    expect(await proofs.use("web:a", "m1", "u1", at(1000))).toMatchObject({ method: "phone", usedBy: "u1" });
    expect(await proofs.use("web:a", "m1", "u1", at(2000))).toMatchObject({ usedBy: "u1" });
    expect(await proofs.use("web:a", "m1", "u2", at(2000))).toBeUndefined();
  });

  it("a verified proof lapses after its time", async () => {
    await proofs.grant({ id: "g2", contactKey: "web:c", memberId: "m3", method: "linked", actor: "self" }, T0);
    expect(await proofs.use("web:c", "m3", "u3", at(PROOF_VALID_MS + 1))).toBeUndefined();
  });

  it("a code challenge takes three tries in ten minutes, only the newest is open, and nothing unverified can be used", async () => {
    await proofs.challenge({ id: "c1", contactKey: "web:d", memberId: "m4", codeHash: "h1", actor: "self" }, T0);
    await proofs.challenge({ id: "c2", contactKey: "web:d", memberId: "m4", codeHash: "h2", actor: "self" }, at(1000));
    expect(await proofs.use("web:d", "m4", "u4", at(2000))).toBeUndefined();
    const tries = [];
    for (let i = 0; i < CODE_ATTEMPTS + 1; i++) tries.push((await proofs.takeAttempt("web:d", at(3000)))?._id ?? null);
    expect(tries).toEqual(["c2", "c2", "c2", null]);
    await proofs.challenge({ id: "c3", contactKey: "web:d", memberId: "m4", codeHash: "h3", actor: "self" }, at(4000));
    expect(await proofs.takeAttempt("web:d", at(4000 + CODE_VALID_MS))).toBeUndefined();
    expect(await proofs.challengesSince("m4", T0)).toBe(3);
    expect(await proofs.challengesSince("m4", T0, "c3")).toBe(2);
  });

  it("a verified code proves once; the documents expire by TTL", async () => {
    await proofs.challenge({ id: "c5", contactKey: "web:e", memberId: "m5", codeHash: "h5", actor: "m_enroller" }, T0);
    const taken = await proofs.takeAttempt("web:e", at(1000));
    await proofs.verify(String(taken?._id), at(1000));
    expect(await proofs.takeAttempt("web:e", at(2000))).toBeUndefined();
    expect(await proofs.use("web:e", "m5", "u5", at(2000))).toMatchObject({ method: "code", actor: "m_enroller", attempts: 1 });
    const indexes = await connection.collection("member_proofs").indexes();
    expect(indexes.find((i) => i.key["expiresAt"] === 1)).toMatchObject({ expireAfterSeconds: 0 });
  });
});
