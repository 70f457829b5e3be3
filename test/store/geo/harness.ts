import mongoose, { type Connection } from "mongoose";
import { startEmbeddedMongo, type EmbeddedMongo } from "../../../src/store/embedded/index.js";

/** A fresh in-memory embedded MongoDB and a mongoose connection to database `dbName`. */
export async function openGeoStore(dbName: string): Promise<{ connection: Connection; close(): Promise<void> }> {
  const server: EmbeddedMongo = await startEmbeddedMongo({ dataDir: "", inMemory: true });
  const connection = await mongoose.createConnection(`${server.uri}/${dbName}`, { serverSelectionTimeoutMS: 5_000 }).asPromise();
  return {
    connection,
    async close() {
      await connection.close();
      await server.stop();
    },
  };
}
