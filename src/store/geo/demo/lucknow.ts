/**
 * Demo geography: Lucknow district, Uttar Pradesh, with its nine REAL assembly constituencies
 * (numbers since the 2008 delimitation, reserved category and Lok Sabha seat: public facts,
 * checked against election coverage — see docs/enrolment.md) and SYNTHETIC booths. Every booth
 * is flagged `demo` and named "Demo booth …" / "डेमो बूथ …": they are not real polling stations.
 */
import type { AcCategory, GeoRow, LokSabhaSeat } from "../../../domain/geo/types.js";

const STATE = { code: "UP", name: { en: "Uttar Pradesh", hi: "उत्तर प्रदेश" } };
/** Our own code for the district; the CSV format leaves district codes to the importer. */
const DISTRICT = { state: "UP", code: "LKO", name: { en: "Lucknow", hi: "लखनऊ" } };

const MOHANLALGANJ_PC: LokSabhaSeat = { number: 34, name: { en: "Mohanlalganj", hi: "मोहनलालगंज" } };
const LUCKNOW_PC: LokSabhaSeat = { number: 35, name: { en: "Lucknow", hi: "लखनऊ" } };

export const LUCKNOW_CONSTITUENCIES: readonly { number: number; en: string; hi: string; category: AcCategory; pc: LokSabhaSeat }[] = [
  { number: 168, en: "Malihabad", hi: "मलिहाबाद", category: "SC", pc: MOHANLALGANJ_PC },
  { number: 169, en: "Bakshi Kaa Talab", hi: "बख्शी का तालाब", category: "GEN", pc: MOHANLALGANJ_PC },
  { number: 170, en: "Sarojini Nagar", hi: "सरोजनी नगर", category: "GEN", pc: MOHANLALGANJ_PC },
  { number: 171, en: "Lucknow West", hi: "लखनऊ पश्चिम", category: "GEN", pc: LUCKNOW_PC },
  { number: 172, en: "Lucknow North", hi: "लखनऊ उत्तर", category: "GEN", pc: LUCKNOW_PC },
  { number: 173, en: "Lucknow East", hi: "लखनऊ पूर्व", category: "GEN", pc: LUCKNOW_PC },
  { number: 174, en: "Lucknow Central", hi: "लखनऊ मध्य", category: "GEN", pc: LUCKNOW_PC },
  { number: 175, en: "Lucknow Cantonment", hi: "लखनऊ कैंट", category: "GEN", pc: LUCKNOW_PC },
  { number: 176, en: "Mohanlalganj", hi: "मोहनलालगंज", category: "SC", pc: MOHANLALGANJ_PC },
];

/** Generic place words, not real localities of these constituencies. */
const DEMO_LOCALITIES: readonly { en: string; hi: string }[] = [
  { en: "Station Road", hi: "स्टेशन रोड" },
  { en: "Purana Bazaar", hi: "पुराना बाज़ार" },
  { en: "Nai Basti", hi: "नई बस्ती" },
  { en: "Gandhi Nagar", hi: "गांधी नगर" },
  { en: "Shiv Mandir Marg", hi: "शिव मंदिर मार्ग" },
  { en: "Panchayat Bhawan", hi: "पंचायत भवन" },
];
const DEMO_BUILDINGS: readonly { en: string; hi: string }[] = [
  { en: "Primary School", hi: "प्राथमिक विद्यालय" },
  { en: "Junior High School", hi: "जूनियर हाई स्कूल" },
  { en: "Community Hall", hi: "सामुदायिक भवन" },
];

export const DEMO_BOOTHS_PER_AC = 12;

/** Rows in the importer's shape: 9 real ACs × DEMO_BOOTHS_PER_AC synthetic booths. */
export function lucknowDemoRows(): GeoRow[] {
  return LUCKNOW_CONSTITUENCIES.flatMap((ac) =>
    Array.from({ length: DEMO_BOOTHS_PER_AC }, (_, i) => demoRow(ac, i + 1)),
  );
}

function demoRow(source: (typeof LUCKNOW_CONSTITUENCIES)[number], partNumber: number): GeoRow {
  const locality = DEMO_LOCALITIES[(partNumber - 1) % DEMO_LOCALITIES.length] ?? { en: "Demo", hi: "डेमो" };
  const building = DEMO_BUILDINGS[(partNumber - 1) % DEMO_BUILDINGS.length] ?? { en: "Demo", hi: "डेमो" };
  return {
    state: STATE,
    district: DISTRICT,
    ac: { state: "UP", district: "LKO", number: source.number, name: { en: source.en, hi: source.hi }, category: source.category, lokSabha: source.pc },
    booth: {
      state: "UP",
      acNumber: source.number,
      partNumber,
      name: { en: `Demo booth ${partNumber} — ${building.en}, ${locality.en}`, hi: `डेमो बूथ ${partNumber} — ${building.hi}, ${locality.hi}` },
      locality,
      demo: true,
    },
  };
}
