/**
 * Referral links: tapping one opens a chat with the bot that starts enrolment with the code —
 * `https://wa.me/<number>?text=JOIN%20<code>` (WhatsApp pre-fills "JOIN <code>") and
 * `https://t.me/<bot>?start=ref_<code>` (Telegram sends `/start ref_<code>`).
 */

export interface BotAddresses {
  /** The linked WhatsApp number, E.164 digits without `+`. */
  whatsappNumber?: string;
  /** The Telegram bot's username, without `@`. */
  telegramUsername?: string;
}

export interface ReferralLinks {
  whatsapp?: string;
  telegram?: string;
}

export function referralLinks(code: string, bot: BotAddresses): ReferralLinks {
  const digits = bot.whatsappNumber?.replace(/\D/g, "");
  const username = bot.telegramUsername?.replace(/^@/, "");
  return {
    ...(digits ? { whatsapp: `https://wa.me/${digits}?text=${encodeURIComponent(`JOIN ${code}`)}` } : {}),
    ...(username && /^[A-Za-z0-9_]{3,64}$/.test(username) ? { telegram: `https://t.me/${username}?start=ref_${code}` } : {}),
  };
}

/** One line per link (`WhatsApp: https://…`); "" when there is none. */
export function referralLinkLines(links: ReferralLinks): string {
  return [links.whatsapp ? `WhatsApp: ${links.whatsapp}` : "", links.telegram ? `Telegram: ${links.telegram}` : ""].filter(Boolean).join("\n");
}
