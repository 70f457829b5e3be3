import { fileURLToPath } from "node:url";
import jsqr from "jsqr";
import { describe, expect, it } from "vitest";
import { CARD_HEIGHT, CARD_WIDTH, renderCard, type CardMember } from "../../src/cards/render-card.js";
import { verifyCode, type MembershipLookup } from "../../src/cards/verification-code.js";
import { formatMembershipNumber } from "../../src/domain/members/membership-number.js";
import { compareWithGolden, pixelsOf, syntheticPhoto } from "./png.js";

const signing = { key: Buffer.alloc(32, 7), verifyBaseUrl: "https://sampark.example.org/" };
const branding = { orgName: "लोक सेवा संगठन · Lok Seva Sangathan" };
const number = formatMembershipNumber("UP", 1234);
/** Share of pixels allowed to differ from the golden: anti-aliasing noise, far below one changed matra (~0.1%). */
const GOLDEN_TOLERANCE = 0.0003;
const lookup: MembershipLookup = async (compact) => (compact === number.compact ? "active" : undefined);

const hindiMember = async (): Promise<CardMember> => ({
  name: "श्रीमती क्षमा द्विवेदी",
  membershipNumber: number.formatted,
  ac: { number: 170, name: { en: "Sarojini Nagar", hi: "सरोजनी नगर" } },
  booth: { partNumber: 12, name: { en: "Demo booth 12 — Community Hall, Purana Bazaar", hi: "डेमो बूथ 12 — सामुदायिक भवन, पुराना बाज़ार" } },
  issuedOn: { year: 2026, month: 3, day: 15 },
  photo: await syntheticPhoto(),
  language: "hi",
});

function decodeQr(pixels: Awaited<ReturnType<typeof pixelsOf>>): string | undefined {
  // jsqr is CommonJS: under NodeNext its typed default export sits on `.default`.
  return jsqr.default(pixels.data, pixels.width, pixels.height)?.data;
}

describe("renderCard", () => {
  it("matches the golden image for a Hindi name with conjuncts, matras and reph", async () => {
    const card = await renderCard(await hindiMember(), branding, signing);
    const golden = fileURLToPath(new URL("./golden/card-hindi.png", import.meta.url));
    expect(await compareWithGolden(card.png, golden)).toBeLessThan(GOLDEN_TOLERANCE);
    expect(card.warnings).toEqual([]);
  });

  it.each([
    // ZWNJ after each virama stops the conjuncts forming (क्‌ष for क्ष), as a non-shaping renderer would.
    ["unshaped conjuncts", "श्रीमती क्षमा द्विवेदी".replace(/\u094D/g, "\u094D\u200C")],
    ["one matra changed", "श्रीमती क्षमा द्विवेदि"],
  ])("is sensitive enough to notice %s", async (_what, name) => {
    const card = await renderCard({ ...(await hindiMember()), name }, branding, signing);
    const golden = fileURLToPath(new URL("./golden/card-hindi.png", import.meta.url));
    if (process.env.UPDATE_GOLDEN !== "1") expect(await compareWithGolden(card.png, golden)).toBeGreaterThan(GOLDEN_TOLERANCE * 2);
  });

  it("carries a QR code that decodes to the signed verification URL, which verifies", async () => {
    const card = await renderCard(await hindiMember(), branding, signing);
    const pixels = await pixelsOf(card.png);
    expect([pixels.width, pixels.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    const url = decodeQr(pixels);
    expect(url).toBe(`https://sampark.example.org/verify/${card.code}`);
    const code = url?.split("/verify/")[1] ?? "";
    expect(await verifyCode(code, signing.key, lookup)).toEqual({ status: "valid", membershipNumber: number.formatted });
    const tampered = code.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect(await verifyCode(tampered, signing.key, lookup)).toEqual({ status: "invalid" });
  });

  it("draws stand-ins for a missing or unreadable photo and logo, and still scans", async () => {
    const member = { ...(await hindiMember()), name: "Ramesh Kumar", language: "en" as const, photo: Buffer.from("not an image") };
    const card = await renderCard(member, { orgName: "Sampark Demo Organisation", logo: Buffer.from("nope") }, signing);
    expect(card.warnings).toEqual(["photo_unreadable", "logo_unreadable"]);
    expect(decodeQr(await pixelsOf(card.png))).toBe(card.url);
    const { photo: _photo, booth: _booth, ...bare } = member;
    const minimal = await renderCard(bare, { orgName: "X" }, signing);
    expect(minimal.warnings).toEqual([]);
    expect(decodeQr(await pixelsOf(minimal.png))).toBe(minimal.url);
  });

  it("refuses a malformed membership number", async () => {
    await expect(renderCard({ ...(await hindiMember()), membershipNumber: "UP-123" }, branding, signing)).rejects.toThrow(RangeError);
  });
});
