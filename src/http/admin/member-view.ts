/** How a member looks to an admin-API caller: JSON for search, a CSV line for export. */
import { decryptField, fieldAad, type FieldKeyring } from "../../crypto/index.js";
import { maskAddress, maskEpic, maskPhone } from "../../domain/access/index.js";
import type { ListedMember } from "../../store/members/admin-queries.js";
import type { ListedMemberJson } from "./schemas.js";

export const CSV_HEADER = ["number", "name", "phone", "epic", "age", "gender", "state", "district", "ac", "booth", "address", "roles", "enrolled_at"] as const;

const SENSITIVE_FIELDS = ["religion", "caste"] as const;

export function toJson(m: ListedMember, masked: boolean): ListedMemberJson {
  return {
    id: m._id,
    number: m.number,
    name: m.name ?? "",
    phone: masked ? maskPhone(m.phone) : (m.phone ?? ""),
    epic: masked ? maskEpic(m.epic) : (m.epic ?? ""),
    ...(m.age !== undefined ? { age: m.age } : {}),
    ...(m.gender ? { gender: m.gender } : {}),
    state: m.state,
    ...(m.district ? { district: m.district } : {}),
    ...(m.acNumber !== undefined ? { ac: m.acNumber } : {}),
    ...(m.partNumber !== undefined ? { booth: m.partNumber } : {}),
    ...(m.address ? { address: masked ? maskAddress(m.address) : m.address } : {}),
    roles: m.roles.map((r) => (r.scope ? { role: r.role, scope: { level: r.scope.level, id: r.scope.id } } : { role: r.role })),
    enrolledAt: new Date(m.createdAt).toISOString(),
    lastActiveAt: new Date(m.lastActiveAt).toISOString(),
  };
}

/** The cells of `CSV_HEADER` for one member. */
export function csvLine(m: ListedMember, masked: boolean): (string | number | undefined)[] {
  const roles = m.roles.map((r) => (r.scope ? `${r.role}@${r.scope.id}` : r.role)).join(";");
  return [
    m.number,
    m.name,
    masked ? maskPhone(m.phone) : m.phone,
    masked ? maskEpic(m.epic) : m.epic,
    m.age,
    m.gender,
    m.state,
    m.district,
    m.acNumber,
    m.partNumber,
    masked ? maskAddress(m.address) : m.address,
    roles,
    new Date(m.createdAt).toISOString(),
  ];
}

/** Religion and caste in clear, for the admin who asked. A value that does not open is left empty and counted. */
export function decryptSensitive(keyring: FieldKeyring, m: ListedMember, failed: () => void): string[] {
  return SENSITIVE_FIELDS.map((field) => {
    const sealed = m.sensitive?.[field];
    if (!sealed) return "";
    try {
      return decryptField(keyring, sealed, fieldAad("members", m._id, field));
    } catch {
      failed();
      return "";
    }
  });
}
