/** The host's only way to report: the app passes its logger in, so nothing here imports the app. */
export type LogLevel = "debug" | "info" | "warn" | "error";
export type Log = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => void;

export const silentLog: Log = () => {};
