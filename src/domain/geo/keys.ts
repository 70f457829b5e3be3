/**
 * Stable string ids for geography units. They are the `_id`s in `geo_units`, so re-importing a
 * file upserts the same documents (idempotent) and uniqueness (a part number within an AC) is
 * the primary key itself.
 */
export const stateKey = (state: string): string => state;
export const districtKey = (state: string, code: string): string => `${state}:D:${code}`;
export const acKey = (state: string, acNumber: number): string => `${state}:AC:${acNumber}`;
export const boothKey = (state: string, acNumber: number, partNumber: number): string => `${state}:AC:${acNumber}:P:${partNumber}`;
export const blockKey = (state: string, code: string): string => `${state}:B:${code}`;
