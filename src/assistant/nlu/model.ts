/**
 * Inference for the two trained models (weights in ./model/*.json, trained by scripts/train-nlu.ts):
 * a multinomial logistic-regression intent classifier and an averaged-perceptron BIO slot tagger
 * decoded with Viterbi under BIO constraints.
 */

/** Logistic regression: per feature, one weight per label. */
export interface IntentModel {
  readonly labels: readonly string[];
  readonly weights: Readonly<Record<string, readonly number[]>>;
}

/** Linear-chain tagger: per feature, sparse (label index, weight) pairs; transitions[prev+1][next] (row 0 = start). */
export interface TaggerModel {
  readonly labels: readonly string[];
  readonly weights: Readonly<Record<string, readonly number[]>>;
  readonly transitions: readonly (readonly number[])[];
}

export interface IntentScores {
  readonly label: string;
  readonly probability: number;
  readonly probabilities: Readonly<Record<string, number>>;
}

/** Label probabilities for a set of sentence features (softmax of summed weights). */
export function classify(model: IntentModel, features: readonly string[]): IntentScores {
  const scores = model.labels.map(() => 0);
  for (const f of features) {
    const w = model.weights[f];
    if (!w) continue;
    for (let k = 0; k < scores.length; k++) scores[k]! += w[k] ?? 0;
  }
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  const probabilities: Record<string, number> = {};
  let best = 0;
  model.labels.forEach((l, k) => {
    probabilities[l] = exps[k]! / sum;
    if (exps[k]! > exps[best]!) best = k;
  });
  return { label: model.labels[best]!, probability: exps[best]! / sum, probabilities };
}

/** May label `next` follow label `prev` in BIO? (I-x only continues B-x or I-x.) */
export function allowed(prev: string | undefined, next: string): boolean {
  if (!next.startsWith('I-')) return true;
  if (prev === undefined || prev === 'O') return false;
  return prev.slice(2) === next.slice(2);
}

/** Per-token label scores from the sparse weights. */
export function emissionScores(model: { readonly labels: readonly string[]; readonly weights: Readonly<Record<string, readonly number[]>> }, tokenFeatures: readonly (readonly string[])[]): number[][] {
  return tokenFeatures.map((feats) => {
    const s = model.labels.map(() => 0);
    for (const f of feats) {
      const w = model.weights[f];
      if (!w) continue;
      for (let j = 0; j + 1 < w.length; j += 2) s[w[j]!]! += w[j + 1]!;
    }
    return s;
  });
}

/** The best label sequence under BIO constraints (first-order Viterbi). */
export function viterbi(labels: readonly string[], emissions: readonly (readonly number[])[], transitions: readonly (readonly number[])[]): string[] {
  const n = emissions.length;
  const L = labels.length;
  if (n === 0) return [];
  const score: number[][] = [];
  const back: number[][] = [];
  for (let i = 0; i < n; i++) {
    score.push(new Array<number>(L).fill(-Infinity));
    back.push(new Array<number>(L).fill(0));
    for (let y = 0; y < L; y++) {
      const e = emissions[i]![y]!;
      if (i === 0) {
        if (allowed(undefined, labels[y]!)) score[0]![y] = e + (transitions[0]?.[y] ?? 0);
        continue;
      }
      for (let p = 0; p < L; p++) {
        if (score[i - 1]![p] === -Infinity || !allowed(labels[p], labels[y]!)) continue;
        const s = score[i - 1]![p]! + (transitions[p + 1]?.[y] ?? 0) + e;
        if (s > score[i]![y]!) {
          score[i]![y] = s;
          back[i]![y] = p;
        }
      }
    }
  }
  let best = 0;
  for (let y = 1; y < L; y++) if (score[n - 1]![y]! > score[n - 1]![best]!) best = y;
  const out = new Array<string>(n);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = labels[best]!;
    best = back[i]![best]!;
  }
  return out;
}

/** Tags tokens given their features. */
export function tag(model: TaggerModel, tokenFeatures: readonly (readonly string[])[]): string[] {
  return viterbi(model.labels, emissionScores(model, tokenFeatures), model.transitions);
}

/** Spans [from, to) with their slot type from a BIO label sequence. */
export function spansFromBio(labels: readonly string[]): { type: string; from: number; to: number }[] {
  const spans: { type: string; from: number; to: number }[] = [];
  labels.forEach((l, i) => {
    if (l.startsWith('B-')) spans.push({ type: l.slice(2), from: i, to: i + 1 });
    else if (l.startsWith('I-') && spans.length && spans[spans.length - 1]!.to === i && spans[spans.length - 1]!.type === l.slice(2)) {
      spans[spans.length - 1]!.to = i + 1;
    }
  });
  return spans;
}
