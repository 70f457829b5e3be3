import type { AssemblyConstituency, Booth } from "../../../src/domain/geo/types.js";
import { LUCKNOW_CONSTITUENCIES } from "../../../src/store/geo/demo/lucknow.js";

export const lucknowAcs: AssemblyConstituency[] = LUCKNOW_CONSTITUENCIES.map((ac) => ({
  state: "UP",
  district: "LKO",
  number: ac.number,
  name: { en: ac.en, hi: ac.hi },
  category: ac.category,
  lokSabha: ac.pc,
}));

export const booths: Booth[] = [
  { state: "UP", acNumber: 170, partNumber: 1, name: { en: "Primary School Amausi", hi: "प्राथमिक विद्यालय अमौसी" } },
  { state: "UP", acNumber: 170, partNumber: 2, name: { en: "Community Hall", hi: "सामुदायिक भवन" }, locality: { en: "Sector 12", hi: "सेक्टर १२" } },
  { state: "UP", acNumber: 170, partNumber: 12, name: { en: "Junior High School", hi: "जूनियर हाई स्कूल" }, locality: { en: "Banthra", hi: "बंथरा" } },
];

/** A valid CSV record (all columns as text). */
export function csvRecord(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    state_code: "UP", state_name_en: "Uttar Pradesh", state_name_hi: "उत्तर प्रदेश",
    district_code: "LKO", district_name_en: "Lucknow", district_name_hi: "लखनऊ",
    ac_number: "170", ac_name_en: "Sarojini Nagar", ac_name_hi: "सरोजनी नगर", ac_category: "",
    pc_number: "34", pc_name_en: "Mohanlalganj", pc_name_hi: "मोहनलालगंज",
    part_number: "12", booth_name_en: "Junior High School", booth_name_hi: "जूनियर हाई स्कूल",
    locality_en: "Banthra", locality_hi: "बंथरा",
    block_code: "", block_name_en: "", block_name_hi: "",
    ...overrides,
  };
}
