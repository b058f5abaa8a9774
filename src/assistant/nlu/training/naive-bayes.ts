/**
 * Multinomial naive Bayes over binary sentence features (each feature counted once per line), written
 * as linear weights so it can be added to the logistic regression's: per feature, the log-probability
 * of the feature under each label, centred over labels (a constant per feature changes no decision).
 * Naive Bayes is biased but low-variance on short texts; added to the discriminative model it steadied
 * the calendar/other boundary in cross-validation (Wang & Manning 2012 make the same point for NBSVM).
 */

export interface NaiveBayesOptions {
  /** How much of the naive-Bayes log-odds is added to the logistic regression's (0 = none). */
  readonly weight: number;
  /** Additive (Lidstone) smoothing of the per-label feature counts. */
  readonly alpha: number;
}

export const DEFAULT_NAIVE_BAYES: NaiveBayesOptions = { weight: 0.45, alpha: 0.5 };

/** Centred per-label log-probabilities for every feature (plus the label prior on `bias`), scaled by `weight`. */
export function naiveBayesWeights(
  examples: readonly { readonly features: readonly string[]; readonly label: string }[],
  labels: readonly string[],
  options: NaiveBayesOptions = DEFAULT_NAIVE_BAYES,
): Map<string, number[]> {
  const L = labels.length;
  const counts = new Map<string, number[]>();
  const totals = new Array<number>(L).fill(0);
  const priors = new Array<number>(L).fill(0);
  for (const e of examples) {
    const y = labels.indexOf(e.label);
    if (y < 0) continue;
    priors[y]!++;
    for (const f of new Set(e.features)) {
      if (f === 'bias') continue;
      const row = counts.get(f) ?? new Array<number>(L).fill(0);
      row[y]!++;
      counts.set(f, row);
      totals[y]!++;
    }
  }
  const V = counts.size;
  const centred = (logs: readonly number[]): number[] => {
    const mean = logs.reduce((a, b) => a + b, 0) / L;
    return logs.map((v) => options.weight * (v - mean));
  };
  const out = new Map<string, number[]>();
  for (const [f, row] of counts) out.set(f, centred(row.map((c, y) => Math.log((c + options.alpha) / (totals[y]! + options.alpha * V)))));
  const n = priors.reduce((a, b) => a + b, 0);
  out.set('bias', centred(priors.map((c) => Math.log((c + options.alpha) / (n + options.alpha * L)))));
  return out;
}
