/**
 * A fuzzy score: every typed character must appear in order; runs of consecutive characters and
 * characters at word starts score higher. Null when the text does not match.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.toLowerCase().replace(/\s+/g, "");
  if (!q) return 0;
  const t = text.toLowerCase();
  let score = 0;
  let at = -1;
  let run = 0;
  for (const char of q) {
    const found = t.indexOf(char, at + 1);
    if (found === -1) return null;
    run = found === at + 1 ? run + 1 : 0;
    const wordStart = found === 0 || /[\s\-_/·:]/.test(t[found - 1] ?? "");
    score += 1 + run * 2 + (wordStart ? 3 : 0);
    at = found;
  }
  // Shorter texts with the same letters rank first.
  return score - t.length * 0.01;
}
