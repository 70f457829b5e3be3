/**
 * Cron jobs that run once across all instances: each tick first takes a lease in `locks`, and a
 * tick still running when the next one comes is skipped (node-cron `noOverlap`).
 */
import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "../log.js";
import type { RuntimeModels } from "../store/models/runtime-models.js";
import { acquireLease, releaseLease } from "../store/repos/leases.js";

export interface LeasedJob {
  name: string;
  /** node-cron expression; six fields means seconds first. */
  schedule: string;
  run(): Promise<unknown>;
}

export interface JobScheduler {
  stop(): Promise<void>;
}

export function startJobs(jobs: LeasedJob[], deps: { models: RuntimeModels; owner: string; log: Logger; now(): Date; timezone: string }): JobScheduler {
  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(job.schedule, () => tick(job, deps), { name: job.name, noOverlap: true, timezone: deps.timezone }),
  );
  return {
    async stop() {
      await Promise.all(tasks.map((t) => t.destroy()));
      await Promise.all(jobs.map((j) => releaseLease(deps.models, `job:${j.name}`, deps.owner).catch(() => undefined)));
    },
  };
}

/** One tick: lease, run, log failures (a failing job must never take the process down). */
async function tick(job: LeasedJob, deps: { models: RuntimeModels; owner: string; log: Logger; now(): Date }): Promise<void> {
  try {
    const leaseMs = 60_000;
    if (!(await acquireLease(deps.models, `job:${job.name}`, deps.owner, leaseMs, deps.now()))) return;
    await job.run();
  } catch (error) {
    deps.log.error({ err: error, job: job.name }, "job: tick failed");
  }
}
