/**
 * 积分排名: enterprises ranked by their points for an assessment year. Pure.
 */

export interface RankedEnterprise {
  /** 1 for the best; equal points share a rank and the next rank skips (1, 2, 2, 4). */
  rank: number;
  enterpriseId: string;
  name: string;
  shortName: string;
  /** Points for the year, in thousandths (0 when nothing was recorded). */
  milliPoints: number;
}

/**
 * Every enterprise of the directory, highest points first (the fewest deductions), ties in
 * directory order. Enterprises with entries but no longer in the directory are appended
 * under their id, so no point goes unaccounted.
 */
export function rankEnterprises(
  enterprises: Array<{ id: string; name: string; shortName: string }>,
  totals: Map<string, number>,
): RankedEnterprise[] {
  const known = new Set(enterprises.map((e) => e.id));
  const gone = [...totals.keys()].filter((id) => !known.has(id)).sort();
  const all = [...enterprises, ...gone.map((id) => ({ id, name: id, shortName: id }))];
  const ordered = all
    .map((e, order) => ({ e, order, milliPoints: totals.get(e.id) ?? 0 }))
    .sort((a, b) => b.milliPoints - a.milliPoints || a.order - b.order);

  // Sorted best first, so the first enterprise with the same points holds the shared rank.
  return ordered.map(({ e, milliPoints }) => ({
    rank: ordered.findIndex((other) => other.milliPoints === milliPoints) + 1,
    enterpriseId: e.id,
    name: e.name,
    shortName: e.shortName,
    milliPoints,
  }));
}
