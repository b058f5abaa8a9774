/**
 * The fixed, seeded, stratified hold-out split of the shared NLU data. Held-back lines are never used to
 * train or tune while figures are being reported; `scripts/train-nlu.ts --all` trains the shipped model on
 * every line once the held-out figures are recorded.
 */

export interface LabelledLine {
  readonly id: string;
  readonly text: string;
  readonly intent: string;
  readonly slots: readonly { readonly type: string; readonly value: string }[];
  readonly source?: string;
}

/** The seed of the hold-out split. Changing it changes which lines are held out: do not. */
export const HOLDOUT_SEED = 'concierge-nlu-holdout-v1';
export const HOLDOUT_FRACTION = 0.2;

/** FNV-1a, 32-bit: a tiny deterministic hash with no dependency (ordering only, not security). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Orders items by the seeded hash of their id (ties by id), so every run picks the same lines. */
export function seededOrder<T extends { readonly id: string }>(items: readonly T[], seed: string): T[] {
  return [...items]
    .map((item) => ({ item, key: fnv1a(`${seed}:${item.id}`) }))
    .sort((a, b) => a.key - b.key || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0))
    .map((x) => x.item);
}

/**
 * Splits lines into train and held-out parts, stratified by intent and source: in each stratum the first
 * `fraction` of lines in seeded order (rounded) are held out.
 */
export function holdoutSplit<T extends LabelledLine>(
  lines: readonly T[],
  seed: string = HOLDOUT_SEED,
  fraction: number = HOLDOUT_FRACTION,
): { readonly train: T[]; readonly heldOut: T[] } {
  const strata = new Map<string, T[]>();
  for (const line of lines) {
    const key = `${line.intent}|${line.source ?? ''}`;
    const list = strata.get(key) ?? [];
    list.push(line);
    strata.set(key, list);
  }
  const held = new Set<string>();
  for (const key of [...strata.keys()].sort()) {
    const ordered = seededOrder(strata.get(key) ?? [], seed);
    const n = Math.round(ordered.length * fraction);
    for (const line of ordered.slice(0, n)) held.add(line.id);
  }
  return { train: lines.filter((l) => !held.has(l.id)), heldOut: lines.filter((l) => held.has(l.id)) };
}

/** Assigns each line to one of k folds (stratified like the hold-out split), for tuning by cross-validation. */
export function kFolds<T extends LabelledLine>(lines: readonly T[], k: number, seed: string): T[][] {
  const folds: T[][] = Array.from({ length: k }, () => []);
  const strata = new Map<string, T[]>();
  for (const line of lines) {
    const key = `${line.intent}|${line.source ?? ''}`;
    strata.set(key, [...(strata.get(key) ?? []), line]);
  }
  let offset = 0;
  for (const key of [...strata.keys()].sort()) {
    seededOrder(strata.get(key) ?? [], seed).forEach((line, i) => folds[(i + offset) % k]!.push(line));
    offset += (strata.get(key) ?? []).length;
  }
  return folds;
}

/** Parses JSON Lines text into labelled lines (shape checked, extra fields ignored). */
export function parseJsonl(text: string): LabelledLine[] {
  const out: LabelledLine[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim()) continue;
    const o = JSON.parse(raw) as Record<string, unknown>;
    if (typeof o.id !== 'string' || typeof o.text !== 'string') throw new Error(`bad line: ${raw.slice(0, 80)}`);
    const slots = Array.isArray(o.slots)
      ? o.slots.filter((s): s is { type: string; value: string } => typeof s?.type === 'string' && typeof s?.value === 'string')
      : [];
    out.push({
      id: o.id,
      text: o.text,
      intent: typeof o.intent === 'string' ? o.intent : 'other',
      slots: slots.map((s) => ({ type: s.type, value: s.value })),
      ...(typeof o.source === 'string' ? { source: o.source } : {}),
    });
  }
  return out;
}
