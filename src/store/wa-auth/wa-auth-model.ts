/**
 * The `wa_auth` collection: one document per Baileys credential blob or signal key, per linked
 * WhatsApp session. Values are stored as BufferJSON text, not as BSON sub-documents, because keys
 * such as `sender-key-memory` use JIDs (with dots) as field names, which MongoDB paths cannot hold.
 */
import { Schema, type Connection, type Model } from "mongoose";

export interface WaAuthDoc {
  /** `<sessionId>/creds` or `<sessionId>/<key type>/<key id>`. */
  _id: string;
  sessionId: string;
  /** `JSON.stringify(value, BufferJSON.replacer)`. */
  value: string;
  updatedAt: Date;
}

const MODEL_NAME = "WaAuth";

/** The model on `connection`, registered once per connection (each reconnect reopens the auth state). */
export function waAuthModel(connection: Connection): Model<WaAuthDoc> {
  const existing = connection.models[MODEL_NAME] as Model<WaAuthDoc> | undefined;
  if (existing) return existing;
  const schema = new Schema<WaAuthDoc>(
    {
      _id: String,
      sessionId: { type: String, required: true },
      value: { type: String, required: true },
      updatedAt: { type: Date, required: true },
    },
    { versionKey: false, id: false, collection: "wa_auth" },
  );
  schema.index({ sessionId: 1 });
  return connection.model<WaAuthDoc>(MODEL_NAME, schema);
}
