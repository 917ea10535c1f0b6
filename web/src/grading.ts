// The Admiralty grading of STANAG 2511: source reliability A-F and information
// credibility 1-6, printed together ("B2"). Ranked as the server ranks them:
// A1 is 0 (best), F6 is 35 (worst).

export const WORST_RANK = 35;

/** The rank of "B2" (7), or WORST_RANK for anything that is not a grading. */
export function gradingRank(grading: string | null | undefined): number {
  const m = /^([A-Fa-f])([1-6])$/.exec(grading ?? '');
  if (!m) return WORST_RANK;
  return (m[1].toUpperCase().charCodeAt(0) - 65) * 6 + (Number(m[2]) - 1);
}

/** Whether `grading` is at least as good as `minimum` ("B2" passes "C3"). */
export function atLeast(grading: string, minimum: string): boolean {
  return gradingRank(grading) <= gradingRank(minimum);
}

/** Every grading from A1 to F6, best first: the choices of a "minimum grading" menu. */
export function allGradings(): string[] {
  const out: string[] = [];
  for (const r of 'ABCDEF') for (let c = 1; c <= 6; c++) out.push(`${r}${c}`);
  return out;
}
