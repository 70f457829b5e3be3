/**
 * Files the fake Bot API can hand to bots: `getFile` with the real answers and errors
 * ("Bad Request: invalid file_id"; "Bad Request: file is too big" past the 20 MB bots may
 * download), and `GET /file/bot<token>/<file_path>` serving the bytes (404 for anything else).
 */
import { randomBytes } from "node:crypto";
import { ApiError } from "./send-gate.js";

/** Bots may download files up to 20 MB (Bot API `getFile`). */
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

export interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_size: number;
  file_path: string;
  bytes: Buffer;
}

export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private next = 1;
  /** HTTP statuses the next file downloads answer with (502, …), one each. */
  readonly downloadFaults: number[] = [];

  /** Registers `bytes` as a photo a user sent; `reportedSize` pretends a larger file (the 20 MB limit). */
  add(bytes: Buffer, reportedSize = bytes.length): StoredFile {
    const n = this.next++;
    const file: StoredFile = {
      file_id: `AgACAgIAAxkBAAI${randomBytes(12).toString("base64url")}`,
      file_unique_id: `AQAD${randomBytes(6).toString("base64url")}`,
      file_size: reportedSize,
      file_path: `photos/file_${n}.jpg`,
      bytes,
    };
    this.byId.set(file.file_id, file);
    this.byPath.set(file.file_path, file);
    return file;
  }

  /** Forgets a file: getFile then answers "invalid file_id" and the download 404. */
  remove(fileId: string): void {
    const file = this.byId.get(fileId);
    this.byId.delete(fileId);
    if (file) this.byPath.delete(file.file_path);
  }

  getFile(fileId: unknown): Omit<StoredFile, "bytes"> {
    const file = typeof fileId === "string" ? this.byId.get(fileId) : undefined;
    if (!file) throw new ApiError(400, "Bad Request: invalid file_id");
    if (file.file_size > MAX_DOWNLOAD_BYTES) throw new ApiError(400, "Bad Request: file is too big");
    const { bytes: _bytes, ...meta } = file;
    return meta;
  }

  download(filePath: string): { status: number; bytes?: Buffer } {
    const fault = this.downloadFaults.shift();
    if (fault !== undefined) return { status: fault };
    const file = this.byPath.get(filePath);
    return file ? { status: 200, bytes: file.bytes } : { status: 404 };
  }
}
