/**
 * Downloads an inbound Telegram photo by its file id: Bot API `getFile`, then
 * `GET <apiRoot>/file/bot<token>/<file_path>`. Telegram's own refusals are values ("invalid
 * file_id" → unavailable, "file is too big" — bots may fetch at most 20 MB — → too_big); network
 * errors, 429s and 5xx throw so the caller retries. Error messages never carry the URL (it holds
 * the bot token).
 */
import { Api, GrammyError } from "grammy";
import { readAtMost, TOO_BIG, UNAVAILABLE, type MediaDownloader } from "../media.js";

export const TELEGRAM_API_ROOT = "https://api.telegram.org";

export interface TelegramDownloaderOptions {
  token: string;
  /** Bot API server root without trailing slash; Telegram's by default. */
  apiRoot?: string;
  /** Per-request timeout. Default 30 s. */
  timeoutSeconds?: number;
}

export function createTelegramDownloader(options: TelegramDownloaderOptions): MediaDownloader {
  const root = options.apiRoot ?? TELEGRAM_API_ROOT;
  const timeoutSeconds = options.timeoutSeconds ?? 30;
  const api = new Api(options.token, { apiRoot: root, timeoutSeconds });
  return {
    async download(fileId, maxBytes) {
      let file: Awaited<ReturnType<Api["getFile"]>>;
      try {
        file = await api.getFile(fileId);
      } catch (error) {
        if (error instanceof GrammyError && error.error_code === 400) return /file is too big/i.test(error.description) ? TOO_BIG : UNAVAILABLE;
        throw error;
      }
      if (file.file_size !== undefined && file.file_size > maxBytes) return TOO_BIG;
      if (!file.file_path) return UNAVAILABLE;
      const res = await fetch(`${root}/file/bot${options.token}/${file.file_path}`, { signal: AbortSignal.timeout(timeoutSeconds * 1000) });
      // file_path links are valid for an hour; a stale or unknown one is gone, not failing.
      if (res.status === 400 || res.status === 404) return UNAVAILABLE;
      if (!res.ok || !res.body) throw new Error(`telegram: downloading a file failed with HTTP ${res.status}`);
      const bytes = await readAtMost(res.body, maxBytes);
      return bytes ? { ok: true, bytes } : TOO_BIG;
    },
  };
}
