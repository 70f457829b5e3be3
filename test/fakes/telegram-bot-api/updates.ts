/**
 * The fake's update queue with getUpdates semantics: an offset confirms (forgets) every update
 * below it, a negative offset keeps only the last -offset updates, `timeout` long-polls, `limit`
 * caps the batch, and a newer getUpdates terminates an older pending one with 409. While a webhook
 * is set, updates are POSTed to it instead; a refused delivery is kept for `redeliver`.
 */
export type Update = { update_id: number } & Record<string, unknown>;

export interface Webhook {
  url: string;
  secret?: string;
}

interface Waiter {
  wake(): void;
  conflict(): void;
}

export class UpdateQueue {
  private pending: Update[] = [];
  private waiter: Waiter | null = null;
  webhook: Webhook | null = null;
  /** Webhook deliveries that got no 2xx, in order, retried by `redeliver`. */
  undelivered: Update[] = [];

  /** Queues an update, or POSTs it when a webhook is set; resolves with the webhook's HTTP status. */
  async push(update: Update): Promise<number | null> {
    if (this.webhook) return this.deliver(update);
    this.pending.push(update);
    this.waiter?.wake();
    return null;
  }

  async redeliver(): Promise<number[]> {
    const again = this.undelivered;
    this.undelivered = [];
    const statuses: number[] = [];
    for (const update of again) statuses.push(await this.deliver(update));
    return statuses;
  }

  /** Resolves with a batch, or with "conflict" when a newer getUpdates replaced this one. */
  async take(offset: number | undefined, limit: number, timeoutSeconds: number, closed: Promise<void>): Promise<Update[] | "conflict"> {
    this.confirm(offset);
    this.waiter?.conflict();
    this.waiter = null;
    if (this.pending.length > 0 || timeoutSeconds <= 0) return this.pending.slice(0, limit);
    const outcome = await new Promise<"wake" | "conflict">((resolve) => {
      const timer = setTimeout(() => resolve("wake"), timeoutSeconds * 1000);
      const settle = (how: "wake" | "conflict") => {
        clearTimeout(timer);
        if (this.waiter === waiter) this.waiter = null;
        resolve(how);
      };
      const waiter: Waiter = { wake: () => settle("wake"), conflict: () => settle("conflict") };
      this.waiter = waiter;
      // The client gave up (grammY aborts its long poll on stop): stop waiting for it.
      void closed.then(() => settle("wake"));
    });
    return outcome === "conflict" ? "conflict" : this.pending.slice(0, limit);
  }

  dropPending(): void {
    this.pending = [];
  }

  private confirm(offset: number | undefined): void {
    if (offset === undefined || offset === 0) return;
    this.pending = offset < 0 ? this.pending.slice(offset) : this.pending.filter((u) => u.update_id >= offset);
  }

  private async deliver(update: Update): Promise<number> {
    const hook = this.webhook;
    if (!hook) throw new Error("no webhook set");
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (hook.secret) headers["x-telegram-bot-api-secret-token"] = hook.secret;
    const status = await fetch(hook.url, { method: "POST", headers, body: JSON.stringify(update) })
      .then(async (res) => (await res.arrayBuffer(), res.status))
      .catch(() => 599);
    if (status < 200 || status >= 300) this.undelivered.push(update);
    return status;
  }
}
