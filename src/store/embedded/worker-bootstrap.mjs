// Entry point of the embedded server's worker thread. A worker does not inherit the loader that
// runs TypeScript in its parent (vitest's, or tsx's when started with `tsx src/main.ts`), so
// register tsx here before loading the TypeScript worker. Registering twice is harmless.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
