import mongoose, { type Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ActionFailure, createActionRegistry, defineAction } from "../../src/runtime/actions.js";
import { runtimeModels, type RuntimeModels } from "../../src/store/models/runtime-models.js";
import { startEmbeddedForTest } from "../support/sampark.js";

describe("action registry", () => {
  let store: { uri: string; stop(): Promise<void> };
  let connection: Connection;
  let models: RuntimeModels;
  const runs: string[] = [];
  let flaky = true;

  const actions = [
    defineAction({
      name: "camps.register",
      args: z.object({ camp: z.string().min(1) }),
      result: z.object({ seat: z.number() }),
      run: async ({ camp }) => {
        runs.push(camp);
        if (camp === "full") throw new ActionFailure("camp_full");
        if (camp === "flaky" && flaky) throw new Error("connection reset");
        return { seat: runs.length };
      },
    }),
  ];
  const context = { contactKey: "web:x", now: new Date("2026-11-23T10:00:00Z") };

  beforeAll(async () => {
    store = await startEmbeddedForTest();
    connection = await mongoose.createConnection(`${store.uri}/actions`).asPromise();
    models = runtimeModels(connection);
  });
  afterAll(async () => {
    await connection?.close();
    await store?.stop();
  });

  it("runs an action once per key and returns the stored result on a replay", async () => {
    const registry = createActionRegistry(models, actions);
    const first = await registry.runOnce("web:x:4", "camps.register", { camp: "lucknow" }, context);
    const again = await createActionRegistry(models, actions).runOnce("web:x:4", "camps.register", { camp: "lucknow" }, context);
    expect(first).toEqual({ ok: true, result: { seat: 1 } });
    expect(again).toEqual(first);
    expect(runs).toEqual(["lucknow"]);
  });

  it("records an expected failure as a value the flow can handle", async () => {
    const registry = createActionRegistry(models, actions);
    expect(await registry.runOnce("web:x:5", "camps.register", { camp: "full" }, context)).toEqual({ ok: false, error: "camp_full" });
    expect(await registry.runOnce("web:x:5", "camps.register", { camp: "full" }, context)).toEqual({ ok: false, error: "camp_full" });
    expect(runs.filter((r) => r === "full")).toHaveLength(1);
  });

  it("rejects arguments that do not match the schema, and unknown actions, without running anything", async () => {
    const registry = createActionRegistry(models, actions);
    const bad = await registry.runOnce("web:x:6", "camps.register", { camp: "" }, context);
    expect(bad.ok).toBe(false);
    expect(await registry.runOnce("web:x:7", "camps.nope", {}, context)).toEqual({ ok: false, error: "unknown_action:camps.nope" });
    expect(runs).not.toContain("");
  });

  it("does not record a transient error, so the retry runs the action again", async () => {
    const registry = createActionRegistry(models, actions);
    await expect(registry.runOnce("web:x:8", "camps.register", { camp: "flaky" }, context)).rejects.toThrow("connection reset");
    flaky = false;
    expect(await registry.runOnce("web:x:8", "camps.register", { camp: "flaky" }, context)).toMatchObject({ ok: true });
    expect(runs.filter((r) => r === "flaky")).toHaveLength(2);
  });

  it("lists the registered names for the flow checker", () => {
    expect(createActionRegistry(models, actions).names()).toEqual(["camps.register"]);
  });
});
