/**
 * Builds both models from labelled lines (the shared SLURP/HWU64 JSONL files): the code path
 * `scripts/train-nlu.ts` and the held-out test use to train. Deterministic: same lines, same weights.
 */
import { sentenceFeatures, tokenFeatures } from '../features.js';
import type { IntentModel, TaggerModel } from '../model.js';
import { modelToken, tokenize } from '../text.js';
import { timeTokenKinds } from '../when.js';
import { bioLabels } from './bio.js';
import { trainIntent, type IntentOptions } from './intent.js';
import { DEFAULT_PERCEPTRON, trainPerceptron, type PerceptronOptions } from './perceptron.js';
import type { LabelledLine } from './split.js';
import { withTypedVariants } from './typed-variants.js';

export const LABELS = ['calendar_query', 'calendar_set', 'calendar_remove', 'other'] as const;

/** Slot types the tagger learns (the rest are too rare in the calendar data to learn). */
export const TAGGED_TYPES: ReadonlySet<string> = new Set([
  'date', 'time', 'timeofday', 'event_name', 'person', 'relation', 'place_name', 'general_frequency', 'meal_type',
]);

export interface Models {
  readonly intent: IntentModel;
  readonly tagger: TaggerModel;
}

export interface TrainOptions extends IntentOptions {
  readonly perceptron?: Partial<PerceptronOptions>;
  /** Add typed twins of spoken dates and times (default on; off to measure what they change). */
  readonly typedVariants?: boolean;
  /** Train this many taggers in different seeded orders and average them. */
  readonly taggerEnsemble?: number;
}

export function words(text: string): string[] {
  return tokenize(text).map((t) => modelToken(t.lower));
}

export function trainModels(given: readonly LabelledLine[], options: TrainOptions = {}): Models {
  // Typed twins ("3/25" for "march twenty fifth") teach the tagger; they are made here, from the lines
  // given, so whatever is held out of training has none in it.
  const lines = options.typedVariants === false ? given : withTypedVariants(given);
  // The intent model reads typed dates as spoken ones (features.ts spokenDate), so it learns from the lines as given.
  const examples = given.map((l) => ({ id: l.id, features: sentenceFeatures(words(l.text)), label: l.intent }));
  return { intent: trainIntent(examples, LABELS, options), tagger: trainTagger(lines, options) };
}

function trainTagger(lines: readonly LabelledLine[], options: TrainOptions): TaggerModel {
  const tagged = lines
    .filter((l) => l.intent !== 'other')
    .map((l) => {
      const w = words(l.text);
      return { id: l.id, features: tokenFeatures(w, l.intent, timeTokenKinds(w)), labels: bioLabels(w, l.slots, (t) => TAGGED_TYPES.has(t)) };
    });
  const po = { ...DEFAULT_PERCEPTRON, ...options.perceptron };
  const n = options.taggerEnsemble ?? 5;
  if (n <= 1) return trainPerceptron(tagged, po);
  return mergeTaggers(Array.from({ length: n }, (_, i) => trainPerceptron(tagged, { ...po, seed: `${po.seed}:${i}`, prune: 0 })), po.prune);
}

/** Averages several taggers' weights (an ensemble of perceptrons trained in different example orders). */
function mergeTaggers(models: readonly TaggerModel[], prune: number): TaggerModel {
  const labels = models[0]!.labels;
  const weights: Record<string, number[]> = {};
  const acc = new Map<string, Map<number, number>>();
  for (const m of models) {
    for (const [f, pairs] of Object.entries(m.weights)) {
      const row = acc.get(f) ?? new Map<number, number>();
      for (let j = 0; j + 1 < pairs.length; j += 2) row.set(pairs[j]!, (row.get(pairs[j]!) ?? 0) + pairs[j + 1]! / models.length);
      acc.set(f, row);
    }
  }
  for (const [f, row] of [...acc].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const pairs = [...row].sort((a, b) => a[0] - b[0]).filter(([, v]) => Math.abs(v) >= prune).flatMap(([y, v]) => [y, Math.round(v * 100) / 100]);
    if (pairs.length) weights[f] = pairs;
  }
  const transitions = models[0]!.transitions.map((row, p) => row.map((_, y) => Math.round((models.reduce((a, m) => a + (m.transitions[p]?.[y] ?? 0), 0) / models.length) * 100) / 100));
  return { labels, weights, transitions };
}
