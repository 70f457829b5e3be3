import { openSync, readFileSync, unlinkSync, writeSync, closeSync } from "node:fs";
import { join } from "node:path";
import { LOCK_FILE } from "./files.js";

/**
 * Takes the data directory's lock file, holding our pid. A lock left by a dead process (kill -9,
 * power loss) is taken over; one held by a live process, this one included (a second server in
 * another worker thread), is refused. Returns the release function.
 */
export function acquireLock(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  if (!tryCreate(path)) {
    const owner = readOwner(path);
    if (owner !== undefined && isAlive(owner)) {
      throw new Error(`data directory ${dir} is locked by running process ${owner} (${path})`);
    }
    unlinkSync(path);
    if (!tryCreate(path)) throw new Error(`data directory ${dir} was locked by another process while starting`);
  }
  return () => unlinkSync(path);
}

function tryCreate(path: string): boolean {
  try {
    const fd = openSync(path, "wx");
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

function readOwner(path: string): number | undefined {
  const pid = Number.parseInt(readFileSync(path, "utf8"), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
