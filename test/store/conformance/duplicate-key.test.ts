import { MongoBulkWriteError, MongoServerError } from "mongodb";
import { Schema, type Model } from "mongoose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openTarget, type Target } from "./target.js";

const DB = "conformance_duplicate_key";

interface User {
  email: string;
  name?: string;
}

let target: Target;
let Users: Model<User>;

beforeAll(async () => {
  target = await openTarget(DB);
  Users = target.conn.model<User>("User", new Schema<User>({ email: { type: String, unique: true }, name: String }));
  await Users.init();
});
afterAll(() => target.close());
beforeEach(async () => {
  await Users.deleteMany({});
  await Users.create({ email: "a@x.org", name: "A" }, { email: "b@x.org", name: "B" });
});

const errmsgFor = (email: string): RegExp =>
  new RegExp(`^E11000 duplicate key error collection: ${DB}\\.users index: email_1 dup key: \\{ email: "${email}" \\}`);

/** The fields a single-document E11000 carries through the driver. */
function expectDuplicate(error: unknown, email: string): void {
  expect(error).toBeInstanceOf(MongoServerError);
  const server = error as MongoServerError;
  expect(server.code).toBe(11000);
  expect(server.keyPattern).toEqual({ email: 1 });
  expect(server.keyValue).toEqual({ email });
  expect(server.errmsg).toMatch(errmsgFor(email));
}

describe("duplicate keys (E11000)", () => {
  it("Model.create", async () => {
    const error = await Users.create({ email: "a@x.org" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expectDuplicate(error, "a@x.org");
  });

  it("insertMany (ordered) stops at the duplicate and reports it", async () => {
    const docs = [{ email: "c@x.org" }, { email: "b@x.org" }, { email: "d@x.org" }];
    const error = await Users.insertMany(docs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoBulkWriteError);
    const bulk = error as MongoBulkWriteError;
    expect(bulk.code).toBe(11000);
    expect(bulk.insertedCount).toBe(1);
    // The driver keeps only index/code/errmsg of a bulk write error, so check those here...
    const [first] = [bulk.writeErrors].flat();
    expect(first?.index).toBe(1);
    expect(first?.errmsg).toMatch(errmsgFor("b@x.org"));
    expect(await Users.countDocuments()).toBe(3);
  });

  it("the insert command's writeErrors carry keyPattern and keyValue", async () => {
    // ...and check keyPattern/keyValue on the server's reply to the same insert.
    const reply = await target.db.command({ insert: "users", documents: [{ email: "e@x.org" }, { email: "a@x.org" }] });
    expect(reply).toMatchObject({ ok: 1, n: 1 });
    const [writeError] = reply.writeErrors as Array<Record<string, unknown>>;
    expect(writeError).toMatchObject({ index: 1, code: 11000, keyPattern: { email: 1 }, keyValue: { email: "a@x.org" } });
    expect(String(writeError?.errmsg)).toMatch(errmsgFor("a@x.org"));
  });

  it("updateOne", async () => {
    const error = await Users.updateOne({ email: "a@x.org" }, { $set: { email: "b@x.org" } }).catch((e: unknown) => e);
    expectDuplicate(error, "b@x.org");
  });

  it("findOneAndUpdate, also through the plain driver", async () => {
    const error = await Users.findOneAndUpdate({ email: "b@x.org" }, { $set: { email: "a@x.org" } }).catch((e: unknown) => e);
    expectDuplicate(error, "a@x.org");
    const raw = await target.db
      .collection("users")
      .findOneAndUpdate({ email: "a@x.org" }, { $set: { email: "b@x.org" } })
      .catch((e: unknown) => e);
    expectDuplicate(raw, "b@x.org");
  });
});
