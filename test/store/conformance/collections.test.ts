import { MongoServerError } from "mongodb";
import { Schema } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTarget, type Target } from "./target.js";

let target: Target;

beforeAll(() => openTarget("conformance_collections").then((t) => (target = t)));
afterAll(() => target.close());

describe("collections and indexes", () => {
  it("creating a collection twice fails with 48 on the driver and is absorbed by mongoose", async () => {
    await target.db.createCollection("camps");
    const error = await target.db.createCollection("camps").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect((error as MongoServerError).code).toBe(48);
    expect((error as MongoServerError).codeName).toBe("NamespaceExists");
    const Camp = target.conn.model("Camp", new Schema({ title: String }), "camps");
    await Camp.createCollection();
    await Camp.createCollection();
    await Camp.init();
    const names = (await target.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    expect(names).toContain("camps");
  });

  it("creates, lists and drops indexes", async () => {
    const members = target.db.collection("members");
    await members.createIndex({ phone: 1 }, { unique: true });
    await members.createIndexes([{ key: { district: 1, joinedAt: -1 }, name: "district_joined" }]);
    const listed = await members.listIndexes().toArray();
    expect(listed.map((i) => i.name).sort()).toEqual(["_id_", "district_joined", "phone_1"]);
    expect(listed.find((i) => i.name === "phone_1")).toMatchObject({ key: { phone: 1 }, unique: true, v: 2 });
    await members.dropIndex("district_joined");
    expect((await members.listIndexes().toArray()).map((i) => i.name).sort()).toEqual(["_id_", "phone_1"]);
    await members.dropIndexes();
    expect((await members.listIndexes().toArray()).map((i) => i.name)).toEqual(["_id_"]);
    const missing = await members.dropIndex("nope_1").catch((e: unknown) => e);
    expect((missing as MongoServerError).code).toBe(27);
  });

  it("syncs a mongoose schema's indexes", async () => {
    const schema = new Schema({ slug: { type: String, unique: true }, at: { type: Date, index: true } });
    const Page = target.conn.model("Page", schema, "pages");
    await Page.syncIndexes();
    const names = (await target.db.collection("pages").listIndexes().toArray()).map((i) => i.name).sort();
    expect(names).toEqual(["_id_", "at_1", "slug_1"]);
  });

  it("drops a collection and a database", async () => {
    await target.db.collection("scratch").insertOne({ a: 1 });
    expect(await target.db.collection("scratch").drop()).toBe(true);
    const names = (await target.db.listCollections().toArray()).map((c) => c.name);
    expect(names).not.toContain("scratch");
    const other = target.client.db("conformance_collections_other");
    await other.collection("x").insertOne({ a: 1 });
    expect(await other.dropDatabase()).toBe(true);
    expect(await other.listCollections().toArray()).toEqual([]);
  });
});
