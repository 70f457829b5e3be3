/**
 * The digital ID card: a 1012×638 PNG (a CR80 card at 300 dpi) with the organisation's name and
 * logo, the member's photo, name, membership number, booth and AC, issue date, and a QR code
 * of the signed verification URL. Labels are bilingual (Hindi · English); place names are
 * shown in the member's language.
 */
import { createCanvas, loadImage, type Image, type SKRSContext2D } from "@napi-rs/canvas";
import type { CalendarDate } from "../domain/members/age.js";
import type { Names } from "../domain/geo/types.js";
import { parseMembershipNumber } from "../domain/members/membership-number.js";
import { cardFont, registerCardFonts } from "./fonts.js";
import { drawGeneratedLogo, drawSilhouette } from "./marks.js";
import { drawQr } from "./qr.js";
import { fillFitted } from "./text-fit.js";
import { signCode, verifyUrl } from "./verification-code.js";

export const CARD_WIDTH = 1012;
export const CARD_HEIGHT = 638;
export const QR_BOX = { x: 764, y: 150, size: 220 } as const;

export interface CardMember {
  name: string;
  /** Any accepted spelling; printed in display form. */
  membershipNumber: string;
  ac: { number: number; name: Names };
  booth?: { partNumber: number; name: Names };
  issuedOn: CalendarDate;
  /** JPEG/PNG/WebP bytes; a silhouette when absent or unreadable. */
  photo?: Buffer;
  language?: "hi" | "en";
}

export interface CardBranding {
  orgName: string;
  /** Logo image bytes; a neutral generated mark when absent or unreadable. */
  logo?: Buffer;
  /** Header colour; a neutral slate by default. */
  accent?: string;
}

export interface CardSigning {
  key: Buffer;
  verifyBaseUrl: string;
}

export interface RenderedCard {
  png: Buffer;
  code: string;
  url: string;
  /** Images that could not be decoded and were replaced by stand-ins. */
  warnings: ("photo_unreadable" | "logo_unreadable")[];
}

export async function renderCard(member: CardMember, branding: CardBranding, signing: CardSigning): Promise<RenderedCard> {
  registerCardFonts();
  const number = parseMembershipNumber(member.membershipNumber);
  if (!number.ok) throw new RangeError(`not a membership number: ${member.membershipNumber}`);
  const code = signCode(signing.key, number.value.compact);
  const url = verifyUrl(signing.verifyBaseUrl, code);
  const canvas = createCanvas(CARD_WIDTH, CARD_HEIGHT);
  const ctx = canvas.getContext("2d");
  const [photo, logo] = await Promise.all([decode(member.photo), decode(branding.logo)]);
  const warnings: RenderedCard["warnings"] = [];
  if (photo === null) warnings.push("photo_unreadable");
  if (logo === null) warnings.push("logo_unreadable");
  drawFrame(ctx, branding, logo ?? undefined);
  drawPhoto(ctx, photo ?? undefined);
  drawDetails(ctx, member, number.value.formatted);
  drawQr(ctx, url, QR_BOX.x, QR_BOX.y, QR_BOX.size);
  drawFooter(ctx, url);
  return { png: await canvas.encode("png"), code, url, warnings };
}

/** undefined: no image given; null: given but not decodable. */
async function decode(bytes: Buffer | undefined): Promise<Image | null | undefined> {
  if (!bytes) return undefined;
  return loadImage(bytes).catch(() => null);
}

function drawFrame(ctx: SKRSContext2D, branding: CardBranding, logo: Image | undefined): void {
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT);
  ctx.fillStyle = branding.accent ?? "#2f4858";
  ctx.fillRect(0, 0, CARD_WIDTH, 120);
  if (logo) ctx.drawImage(logo, 28, 16, 88, 88);
  else drawGeneratedLogo(ctx, branding.orgName, 28, 16, 88);
  ctx.fillStyle = "#ffffff";
  ctx.textAlign = "left";
  ctx.textBaseline = "alphabetic";
  fillFitted(ctx, branding.orgName, 140, 62, { maxWidth: 840, px: 38, minPx: 22, weight: "bold" });
  ctx.font = cardFont(22);
  ctx.fillText("सदस्यता कार्ड · Membership card", 140, 100);
}

function drawPhoto(ctx: SKRSContext2D, photo: Image | undefined): void {
  const box = { x: 40, y: 150, w: 220, h: 270 };
  if (!photo) return drawSilhouette(ctx, box.x, box.y, box.w, box.h);
  // Cover-fit: fill the box, crop the overflow evenly.
  const scale = Math.max(box.w / photo.width, box.h / photo.height);
  const sw = box.w / scale;
  const sh = box.h / scale;
  ctx.drawImage(photo, (photo.width - sw) / 2, (photo.height - sh) / 2, sw, sh, box.x, box.y, box.w, box.h);
}

function drawDetails(ctx: SKRSContext2D, member: CardMember, membershipNumber: string): void {
  const lang = member.language ?? "hi";
  const place = (names: Names): string => (lang === "hi" ? (names.hi ?? names.en) : names.en);
  const x = 290;
  const width = 450;
  ctx.fillStyle = "#1c2329";
  fillFitted(ctx, member.name, x, 198, { maxWidth: width, px: 44, minPx: 26, weight: "bold" });
  const rows: [string, string][] = [
    ["सदस्य संख्या · Member no.", membershipNumber],
    ["विधानसभा · Assembly constituency", `${member.ac.number} — ${place(member.ac.name)}`],
    ...(member.booth ? [["बूथ · Booth", `${member.booth.partNumber} — ${place(member.booth.name)}`] as [string, string]] : []),
    ["जारी · Issued", formatDate(member.issuedOn)],
  ];
  rows.forEach(([label, value], i) => {
    const y = 250 + i * 72;
    ctx.fillStyle = "#5f6b73";
    ctx.font = cardFont(19);
    ctx.fillText(label, x, y);
    ctx.fillStyle = "#1c2329";
    fillFitted(ctx, value, x, y + 32, { maxWidth: width, px: 28, minPx: 18, weight: i === 0 ? "bold" : "normal" });
  });
}

function drawFooter(ctx: SKRSContext2D, url: string): void {
  ctx.fillStyle = "#5f6b73";
  ctx.textAlign = "center";
  const caption = "स्कैन कर सत्यापित करें · Scan to verify";
  fillFitted(ctx, caption, QR_BOX.x + QR_BOX.size / 2, QR_BOX.y + QR_BOX.size + 30, { maxWidth: CARD_WIDTH - QR_BOX.x - 16, px: 18, minPx: 12 });
  ctx.fillStyle = "#eef1f3";
  ctx.fillRect(0, CARD_HEIGHT - 44, CARD_WIDTH, 44);
  ctx.fillStyle = "#5f6b73";
  fillFitted(ctx, url, CARD_WIDTH / 2, CARD_HEIGHT - 16, { maxWidth: CARD_WIDTH - 60, px: 18, minPx: 12 });
  ctx.textAlign = "left";
}

/** DD-MM-YYYY, as Indian documents print dates. */
function formatDate({ year, month, day }: CalendarDate): string {
  return `${String(day).padStart(2, "0")}-${String(month).padStart(2, "0")}-${year}`;
}
