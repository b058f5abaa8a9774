/**
 * Trains the slot tagger: a structured averaged perceptron (Collins 2002) over BIO labels with
 * first-order transitions, decoded with the same constrained Viterbi as inference. Deterministic.
 */
import { allowed, type TaggerModel } from '../model.js';
import { seededOrder } from './split.js';

export interface PerceptronOptions {
  readonly epochs: number;
  readonly seed: string;
  /** Averaged weights smaller than this (in absolute value) are dropped from the saved model. */
  readonly prune: number;
  /** Features seen in fewer training tokens than this are ignored (a little regularisation). */
  readonly minCount?: number;
}

export const DEFAULT_PERCEPTRON: PerceptronOptions = { epochs: 12, seed: 'perceptron', prune: 0.1 };

export interface TaggedExample {
  readonly id: string;
  readonly features: readonly (readonly string[])[];
  readonly labels: readonly string[];
}

export function trainPerceptron(examples: readonly TaggedExample[], options: PerceptronOptions = DEFAULT_PERCEPTRON): TaggerModel {
  const labelSet = new Set<string>(['O']);
  for (const e of examples) for (const l of e.labels) labelSet.add(l);
  const labels = [...labelSet].sort((a, b) => (a === 'O' ? -1 : b === 'O' ? 1 : a.slice(2).localeCompare(b.slice(2)) || a.localeCompare(b)));
  const L = labels.length;
  const lid = new Map(labels.map((l, i) => [l, i]));
  const counts = new Map<string, number>();
  for (const e of examples) for (const fs of e.features) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const fid = new Map<string, number>();
  const rows = examples.map((e) => ({
    id: e.id,
    x: e.features.map((fs) => fs.filter((f) => (counts.get(f) ?? 0) >= (options.minCount ?? 1)).map((f) => {
      let k = fid.get(f);
      if (k === undefined) { k = fid.size; fid.set(f, k); }
      return k;
    })),
    y: e.labels.map((l) => lid.get(l)!),
  }));
  const F = fid.size;
  // w: current weights; u: sum of c * update, for averaging (w_avg = w - u / c).
  const w = new Float64Array(F * L);
  const u = new Float64Array(F * L);
  const t = new Float64Array((L + 1) * L);
  const tu = new Float64Array((L + 1) * L);
  let c = 1;
  const ok = Array.from({ length: L + 1 }, (_, p) => Array.from({ length: L }, (_, y) => (p === 0 ? allowed(undefined, labels[y]!) : allowed(labels[p - 1], labels[y]!))));
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const r of seededOrder(rows, `${options.seed}:${epoch}`)) {
      const n = r.x.length;
      const em = new Float64Array(n * L);
      r.x.forEach((fs, i) => {
        for (const f of fs) for (let k = 0; k < L; k++) em[i * L + k]! += w[f * L + k]!;
      });
      const guess = decode(em, n, L, t, ok);
      for (let i = 0; i < r.y.length; i++) {
        const gold = r.y[i]!;
        const pred = guess[i]!;
        const gPrev = i === 0 ? 0 : r.y[i - 1]! + 1;
        const pPrev = i === 0 ? 0 : guess[i - 1]! + 1;
        if (gold !== pred) {
          for (const f of r.x[i]!) {
            w[f * L + gold]! += 1; u[f * L + gold]! += c;
            w[f * L + pred]! -= 1; u[f * L + pred]! -= c;
          }
        }
        if (gold !== pred || gPrev !== pPrev) {
          t[gPrev * L + gold]! += 1; tu[gPrev * L + gold]! += c;
          t[pPrev * L + pred]! -= 1; tu[pPrev * L + pred]! -= c;
        }
      }
      c++;
    }
  }
  const round = (v: number): number => Math.round(v * 100) / 100;
  const weights: Record<string, number[]> = {};
  for (const [f, k] of [...fid].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const pairs: number[] = [];
    for (let y = 0; y < L; y++) {
      const v = round(w[k * L + y]! - u[k * L + y]! / c);
      if (Math.abs(v) >= options.prune) pairs.push(y, v);
    }
    if (pairs.length) weights[f] = pairs;
  }
  const trans = Array.from({ length: L + 1 }, (_, p) =>
    Array.from({ length: L }, (_, y) => (p === 0 ? allowed(undefined, labels[y]!) : allowed(labels[p - 1], labels[y]!)) ? round(t[p * L + y]! - tu[p * L + y]! / c) : 0));
  return { labels, weights, transitions: trans };
}

/** Constrained Viterbi over label indices (the training-time twin of model.ts `viterbi`, without strings). */
function decode(em: Float64Array, n: number, L: number, t: Float64Array, ok: readonly (readonly boolean[])[]): number[] {
  const score = new Float64Array(n * L).fill(-Infinity);
  const back = new Int32Array(n * L);
  for (let y = 0; y < L; y++) if (ok[0]![y]) score[y] = t[y]! + em[y]!;
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        const prev = score[(i - 1) * L + p]!;
        if (prev === -Infinity || !ok[p + 1]![y]) continue;
        const v = prev + t[(p + 1) * L + y]!;
        if (v > best) { best = v; arg = p; }
      }
      score[i * L + y] = best + em[i * L + y]!;
      back[i * L + y] = arg;
    }
  }
  let y = 0;
  for (let k = 1; k < L; k++) if (score[(n - 1) * L + k]! > score[(n - 1) * L + y]!) y = k;
  const out = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = y;
    y = back[i * L + y]!;
  }
  return out;
}
