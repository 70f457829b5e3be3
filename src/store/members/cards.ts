/**
 * Rendered ID cards (`member_cards`): the PNG of a member's current card, keyed by its signed
 * verification code so the HTTP layer can serve `/cards/<code>.png` without exposing member ids.
 * Erasure deletes the member's cards.
 */
import { Schema, type Connection } from "mongoose";

export interface CardDoc {
  _id: string;
  memberId: string;
  png: Buffer;
  renderedAt: Date;
}

const createCardModel = (connection: Connection) =>
  connection.model(
    "MemberCard",
    new Schema<CardDoc>(
      { _id: String, memberId: { type: String, required: true }, png: { type: Buffer, required: true }, renderedAt: { type: Date, required: true } },
      { versionKey: false, id: false, collection: "member_cards" },
    ).index({ memberId: 1 }),
  );

type CardModel = ReturnType<typeof createCardModel>;

export interface CardStore {
  /** Stores the card under its code (the same code again replaces it). */
  save(code: string, memberId: string, png: Buffer, now: Date): Promise<void>;
  png(code: string): Promise<Buffer | undefined>;
  removeFor(memberId: string): Promise<void>;
}

export function createCardStore(connection: Connection): CardStore {
  const model = (connection.models["MemberCard"] as CardModel | undefined) ?? createCardModel(connection);
  return {
    async save(code, memberId, png, now) {
      await model.updateOne({ _id: code }, { $set: { memberId, png, renderedAt: now } }, { upsert: true });
    },
    async png(code) {
      const doc = await model.findById(code).lean();
      return doc ? Buffer.from(doc.png.buffer ?? doc.png) : undefined;
    },
    async removeFor(memberId) {
      await model.deleteMany({ memberId });
    },
  };
}
