/** Turns SLURP slot lists (type and value, in order) into BIO labels over whitespace tokens, and back. */

export interface SlotValue {
  readonly type: string;
  readonly value: string;
}

/**
 * BIO labels for `words` given slots in order of appearance. Each value is found as a token span at or
 * after the previous slot's end (SLURP values are spans of the text); a value not found is skipped.
 */
export function bioLabels(words: readonly string[], slots: readonly SlotValue[], keep: (type: string) => boolean = () => true): string[] {
  const labels = words.map(() => 'O');
  let from = 0;
  for (const s of slots) {
    const v = s.value.toLowerCase().split(/\s+/).filter(Boolean);
    if (v.length === 0) continue;
    const find = (start: number): number => {
      for (let i = start; i + v.length <= words.length; i++) if (v.every((x, j) => words[i + j] === x)) return i;
      return -1;
    };
    let at = find(from);
    if (at < 0) at = find(0);
    if (at < 0 || labels.slice(at, at + v.length).some((l) => l !== 'O')) continue;
    if (keep(s.type)) v.forEach((_, j) => (labels[at + j] = `${j === 0 ? 'B' : 'I'}-${s.type}`));
    from = at + v.length;
  }
  return labels;
}
