/** One page of a ranked list, with what a chat menu needs to offer "next" / "previous". */
export interface Page<T> {
  items: T[];
  /** 1-based, clamped to the last page. */
  page: number;
  pageCount: number;
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

export function paginate<T>(all: readonly T[], page: number, pageSize: number): Page<T> {
  const size = Math.max(1, Math.floor(pageSize));
  const pageCount = Math.max(1, Math.ceil(all.length / size));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  return {
    items: all.slice((current - 1) * size, current * size),
    page: current,
    pageCount,
    total: all.length,
    hasPrevious: current > 1,
    hasNext: current < pageCount,
  };
}
