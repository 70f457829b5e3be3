/**
 * The WhatsApp connection state as the instance owning the number last reported it, kept in the
 * store (`wa_status`, one document per session) so the operators' page shows it, QR code
 * included, whichever instance serves the page. Only the owner of the number's lease writes; a
 * reader checks that the writer still holds the lease, so a crashed owner's last QR code is never
 * shown as current.
 */
import { Schema, type Connection, type Model } from "mongoose";
import type { RuntimeModels } from "../../store/models/runtime-models.js";
import type { WhatsAppStatus } from "./connection.js";
import { WHATSAPP } from "./convert.js";

interface StatusDoc {
  _id: string;
  status: WhatsAppStatus;
  /** The lease owner that wrote it. */
  owner: string;
  at: Date;
}

export interface PublishedStatus {
  /** What the owner reported; `stopped` when no running instance holds the number. */
  status: WhatsAppStatus;
  /** When it was reported; undefined when nothing ever was. */
  at?: Date;
}

function statusModel(connection: Connection): Model<StatusDoc> {
  const existing = connection.models["WhatsAppStatus"] as Model<StatusDoc> | undefined;
  if (existing) return existing;
  const schema = new Schema<StatusDoc>(
    { _id: String, status: { type: Schema.Types.Mixed, required: true }, owner: { type: String, required: true }, at: { type: Date, required: true } },
    { versionKey: false, minimize: false, id: false, collection: "wa_status" },
  );
  return connection.model<StatusDoc>("WhatsAppStatus", schema);
}

export async function publishStatus(connection: Connection, sessionId: string, owner: string, status: WhatsAppStatus, at: Date): Promise<void> {
  await statusModel(connection).updateOne({ _id: sessionId }, { $set: { status, owner, at } }, { upsert: true });
}

/** The current state of `sessionId`'s number, as the page should show it. */
export async function readPublishedStatus(connection: Connection, models: RuntimeModels, sessionId: string, now: Date): Promise<PublishedStatus> {
  const [doc, lease] = await Promise.all([
    statusModel(connection).findById(sessionId).lean<StatusDoc>(),
    models.locks.findById(`${WHATSAPP}:${sessionId}`).lean(),
  ]);
  if (!doc) return { status: { state: "stopped" } };
  const writerHolds = lease !== null && lease.owner === doc.owner && lease.until.getTime() > now.getTime();
  return { status: writerHolds || doc.status.state === "stopped" ? doc.status : { state: "stopped" }, at: doc.at };
}
