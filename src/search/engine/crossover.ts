/**
 * Crossovers (REFERENCE §2: "a work is a crossover if its fandoms share no common metatag"),
 * computed from a work's fandom *filter* tags F, which already contain every metatag of its
 * fandoms:
 *
 * 1. the work's base fandoms are the tags of F that are not a metatag (directly or transitively)
 *    of another tag of F;
 * 2. with fewer than two base fandoms it is not a crossover;
 * 3. otherwise it is a crossover unless some tag of F is, or is a metatag of, every base fandom.
 *
 * So "Iron Man (Movies)" + "Thor (Movies)" under the metatag "Marvel Cinematic Universe" is not a
 * crossover; "Harry Potter" + "Star Wars" is; "Marvel Cinematic Universe" + "Iron Man (Movies)"
 * (one the metatag of the other) has one base fandom and is not.
 *
 * @param parents the direct metatags of a fandom tag.
 */
export function isCrossover(fandoms: readonly number[], parents: (id: number) => readonly number[]): boolean {
  if (fandoms.length < 2) return false;
  const inF = new Set(fandoms);
  const ancestors = new Map<number, Set<number>>();
  for (const f of fandoms) {
    const seen = new Set<number>();
    const stack = [...parents(f)];
    while (stack.length > 0) {
      const p = stack.pop()!;
      if (seen.has(p) || p === f || !inF.has(p)) continue;
      seen.add(p);
      stack.push(...parents(p));
    }
    ancestors.set(f, seen);
  }
  const isMetaOfSome = new Set<number>();
  for (const set of ancestors.values()) for (const a of set) isMetaOfSome.add(a);
  const base = fandoms.filter((f) => !isMetaOfSome.has(f));
  if (base.length < 2) return false;
  return !fandoms.some((c) => base.every((b) => b === c || ancestors.get(b)!.has(c)));
}
