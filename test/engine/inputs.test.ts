import { describe, expect, it } from "vitest";
import { toAnswer, validateInput } from "../../src/engine/inputs/index.js";
import type { Input } from "../../src/engine/schema/index.js";
import type { ChoiceOption, InboundMessage } from "../../src/engine/index.js";

const msg = (text: string, extra: Partial<InboundMessage> = {}): InboundMessage => ({ channel: "t", eventId: "e", contactKey: "c", kind: "text", text, ...extra });
const check = (input: Input, text: string, extra: Partial<InboundMessage> = {}, options?: ChoiceOption[], page = 0) =>
  validateInput(input, { type: "input", ...(options ? { options, page } : {}) }, toAnswer(msg(text, extra)));
const okValue = (input: Input, text: string, extra: Partial<InboundMessage> = {}) => {
  const r = check(input, text, extra);
  return r.type === "ok" ? r.value : `fail:${r.type === "fail" ? r.reason : r.type}`;
};

describe("input types", () => {
  it("text: length, pattern, validator, normalization", () => {
    const t: Input = { type: "text", min: 2, max: 5 };
    expect(okValue(t, "  Ra\u200bvi  ")).toBe("Ravi");
    expect(okValue(t, "R")).toBe("fail:too_short");
    expect(okValue(t, "Ravindra")).toBe("fail:too_long");
    expect(okValue({ type: "text", pattern: "[A-Z]{2}\\d" }, "AB1")).toBe("AB1");
    expect(okValue({ type: "text", pattern: "[A-Z]{2}\\d" }, "AB12")).toBe("fail:text");
    expect(okValue({ type: "text", validate: "person_name" }, "राम कुमार")).toBe("राम कुमार");
    expect(okValue({ type: "text", validate: "person_name" }, "R2D2")).toBe("fail:person_name");
    expect(okValue({ type: "text" }, "")).toBe("fail:text");
    expect(okValue({ type: "text" }, "x", { kind: "photo", media: "m" })).toBe("fail:text");
  });

  it("integer and number: ranges, Devanagari digits, separators", () => {
    expect(okValue({ type: "integer", min: 1, max: 10 }, "७")).toBe(7);
    expect(okValue({ type: "integer", min: 1, max: 10 }, "11")).toBe("fail:out_of_range");
    expect(okValue({ type: "integer" }, "1,000")).toBe(1000);
    expect(okValue({ type: "integer" }, "1.5")).toBe("fail:integer");
    expect(okValue({ type: "number", max: 2 }, "1.5")).toBe(1.5);
    expect(okValue({ type: "number" }, "abc")).toBe("fail:number");
  });

  it("yes/no in Hindi, Hinglish and English, and 1/2", () => {
    for (const y of ["हाँ", "हां", "haan", "han", "Yes", "y", "1", "हाँ जी", "ji"]) expect(okValue({ type: "yesno" }, y), y).toBe(true);
    for (const n of ["नहीं", "nahi", "No", "n", "2", "नही"]) expect(okValue({ type: "yesno" }, n), n).toBe(false);
    expect(okValue({ type: "yesno" }, "maybe")).toBe("fail:yesno");
    expect(okValue({ type: "yesno" }, "", { kind: "choice", choice: "yes" })).toBe(true);
  });

  it("choice: number on the page, label, synonym, id, button, more", () => {
    const options: ChoiceOption[] = Array.from({ length: 10 }, (_, i) => ({ id: `b${i + 1}`, label: `Booth ${i + 1}`, synonyms: i === 0 ? ["pehla"] : [] }));
    const input: Input = { type: "choice", source: "booths.near", page: 4 };
    const v = (text: string, page = 0, extra: Partial<InboundMessage> = {}) => {
      const r = check(input, text, extra, options, page);
      return r.type === "ok" ? r.value : r.type;
    };
    expect(v("2")).toBe("b2");
    expect(v("२")).toBe("b2");
    expect(v("2", 1)).toBe("b6");
    expect(v("booth 7")).toBe("b7");
    expect(v("Pehla")).toBe("b1");
    expect(v("b9")).toBe("b9");
    expect(v("5")).toBe("more");
    expect(v("और")).toBe("more");
    expect(v("more", 2)).toBe("fail");
    expect(v("9")).toBe("fail");
    expect(v("", 0, { kind: "choice", choice: "b10" })).toBe("b10");
    expect(v("", 0, { kind: "choice", choice: "__more" })).toBe("more");
  });

  it("Indian mobile numbers", () => {
    for (const m of ["9876543210", "+91 98765 43210", "098765-43210", "९८७६५४३२१०", "919876543210"]) expect(okValue({ type: "mobile" }, m), m).toBe("9876543210");
    for (const m of ["12345", "5876543210", "98765432101"]) expect(okValue({ type: "mobile" }, m), m).toBe("fail:mobile");
  });

  it("EPIC voter ids, new and old formats", () => {
    expect(okValue({ type: "epic" }, "abc 1234567")).toBe("ABC1234567");
    expect(okValue({ type: "epic" }, "UP/01/234/1234567")).toBe("UP/01/234/1234567");
    expect(okValue({ type: "epic" }, "ab1234567")).toBe("fail:epic");
    expect(okValue({ type: "epic" }, "ABC123456")).toBe("fail:epic");
  });

  it("PIN codes", () => {
    expect(okValue({ type: "pincode" }, "110 001")).toBe("110001");
    expect(okValue({ type: "pincode" }, "011001")).toBe("fail:pincode");
  });

  it("dates: dd/mm/yyyy and Hindi/English month names", () => {
    expect(okValue({ type: "date" }, "15/08/1990")).toBe("1990-08-15");
    expect(okValue({ type: "date" }, "1-1-2000")).toBe("2000-01-01");
    expect(okValue({ type: "date" }, "15 August 1990")).toBe("1990-08-15");
    expect(okValue({ type: "date" }, "Aug 15, 1990")).toBe("1990-08-15");
    expect(okValue({ type: "date" }, "१५ अगस्त १९९०")).toBe("1990-08-15");
    expect(okValue({ type: "date" }, "2 फ़रवरी 2001")).toBe("2001-02-02");
    expect(okValue({ type: "date" }, "31/02/2000")).toBe("fail:date");
    expect(okValue({ type: "date" }, "yesterday")).toBe("fail:date");
  });

  it("age with units and range", () => {
    expect(okValue({ type: "age" }, "25")).toBe(25);
    expect(okValue({ type: "age" }, "२५ साल")).toBe(25);
    expect(okValue({ type: "age" }, "25 years")).toBe(25);
    expect(okValue({ type: "age" }, "0")).toBe("fail:age_range");
    expect(okValue({ type: "age", min: 18 }, "17")).toBe("fail:age_range");
    expect(okValue({ type: "age" }, "old")).toBe("fail:age");
  });

  it("photo, location and own contact", () => {
    expect(okValue({ type: "photo" }, "", { kind: "photo", media: "file-1" })).toBe("file-1");
    expect(okValue({ type: "photo" }, "a photo")).toBe("fail:photo");
    expect(okValue({ type: "location" }, "", { kind: "location", location: { lat: 26.9, lon: 75.8 } })).toEqual({ lat: 26.9, lon: 75.8 });
    expect(okValue({ type: "location" }, "", { kind: "location", location: { lat: 99, lon: 0 } })).toBe("fail:location");
    expect(okValue({ type: "contact" }, "", { kind: "contact", contact: { phone: "+919876543210", isOwn: true } })).toBe("9876543210");
    expect(okValue({ type: "contact" }, "", { kind: "contact", contact: { phone: "+919876543210", isOwn: false } })).toBe("fail:contact_not_own");
    expect(okValue({ type: "contact" }, "9876543210")).toBe("fail:contact");
  });
});
