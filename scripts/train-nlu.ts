/**
 * Trains, cross-validates and evaluates Concierge's NLU models on the shared SLURP/HWU64 files.
 *
 *   node --import tsx scripts/train-nlu.ts --cv 5        k-fold CV on the training part only (for tuning;
 *                                                        --errors lists its mistakes, --verbose the scorer's report,
 *                                                        --repeat R pools R differently seeded fold splits,
 *                                                        --sweep-other scores a range of "other" offsets)
 *   node --import tsx scripts/train-nlu.ts --holdout     train on the training part, score the held-back 20%
 *   node --import tsx scripts/train-nlu.ts --all         train on every line, write src/assistant/nlu/model/
 *   node --import tsx scripts/train-nlu.ts --split       train on the training part, write src/assistant/nlu/model/
 *
 * Scores come from the shared scorer (`node ../shared/nlu/score.mjs`). Deterministic: the split, the
 * folds and the example order are seeded. The shared folder defaults to ../shared (CONCIERGE_SHARED_DIR).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { predictSlurp, type SlurpPrediction } from '../src/assistant/nlu/slurp.js';
import { trainModels, type Models, type TrainOptions } from '../src/assistant/nlu/training/pipeline.js';
import { holdoutSplit, kFolds, parseJsonl, type LabelledLine } from '../src/assistant/nlu/training/split.js';
import { createUnderstander } from '../src/assistant/nlu/understand.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.CONCIERGE_SHARED_DIR ?? resolve(ROOT, '../shared');
const NLU = join(SHARED, 'nlu');
const CTX = { now: new Date('2026-03-04T17:00:00Z'), timeZone: 'America/New_York' };

function load(): LabelledLine[] {
  return ['calendar-train.jsonl', 'other-train.jsonl'].flatMap((f) => parseJsonl(readFileSync(join(NLU, f), 'utf8')));
}

/** Predictions (SLURP view) for gold lines, by the same function `concierge nlu` uses. */
function predict(models: Models, gold: readonly LabelledLine[]): SlurpPrediction[] {
  const understand = createUnderstander(models);
  return gold.map((l) => predictSlurp(understand, l.id, l.text, CTX));
}

/** Scores predictions with the shared scorer; returns its report. */
function score(gold: readonly LabelledLine[], preds: readonly SlurpPrediction[], label: string, opts: { verbose?: boolean; errors?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'nlu-eval-'));
  const goldFile = join(dir, 'gold.jsonl');
  const predFile = join(dir, 'pred.jsonl');
  writeFileSync(goldFile, gold.map((l) => JSON.stringify(l)).join('\n') + '\n');
  writeFileSync(predFile, preds.map((p) => JSON.stringify(p)).join('\n') + '\n');
  const out = execFileSync('node', [join(NLU, 'score.mjs'), goldFile, predFile], { encoding: 'utf8' });
  if (opts.errors) printErrors(gold, preds);
  if (opts.verbose) process.stdout.write(`\n== ${label} ==\n${out}`);
  return out;
}

/** Lines whose intent or slots differ from gold (for error analysis on the training part only). */
function printErrors(gold: readonly LabelledLine[], preds: readonly SlurpPrediction[]): void {
  const fmt = (slots: readonly { readonly type: string; readonly value: string }[]): string => slots.map((s) => `${s.type}:${s.value}`).sort().join(' | ');
  gold.forEach((g, i) => {
    const p = preds[i]!;
    const slotDiff = g.intent !== 'other' && fmt(g.slots) !== fmt(p.slots);
    if (g.intent !== p.intent || slotDiff) {
      process.stdout.write(`${g.intent === p.intent ? '  ' : 'I '}${g.intent} -> ${p.intent} | ${g.text}\n`);
      if (slotDiff) process.stdout.write(`     gold: ${fmt(g.slots)}\n     pred: ${fmt(p.slots)}\n`);
    }
  });
}

function summary(out: string): Record<string, number> {
  const get = (re: RegExp): number => Number(re.exec(out)?.[1] ?? NaN);
  return {
    intentAcc: get(/^intent accuracy\s+([\d.]+)/m),
    inScopeAcc: get(/in-scope intent acc\s+([\d.]+)/),
    oosReject: get(/oos rejection rate\s+([\d.]+)/),
    falseReject: get(/false rejection rate\s+([\d.]+)/),
    slotF1: get(/slot precision [\d.]+\s+recall [\d.]+\s+F1 ([\d.]+)/),
    slotP: get(/slot precision ([\d.]+)/),
    slotR: get(/slot precision [\d.]+\s+recall ([\d.]+)/),
  };
}

/** The same models with "other"'s score lowered by `offset` (what `otherOffset` does at training). */
function withOtherOffset(models: Models, offset: number): Models {
  const { labels, weights } = models.intent;
  const bias = [...(weights.bias ?? labels.map(() => 0))];
  const k = labels.indexOf('other');
  bias[k] = (bias[k] ?? 0) - offset;
  return { ...models, intent: { labels, weights: { ...weights, bias } } };
}

function writeModels(models: Models, note: string): void {
  const dir = join(ROOT, 'src/assistant/nlu/model');
  writeFileSync(join(dir, 'intent.json'), JSON.stringify(models.intent) + '\n');
  writeFileSync(join(dir, 'tagger.json'), JSON.stringify(models.tagger) + '\n');
  process.stdout.write(`wrote ${dir}/intent.json and tagger.json (${note})\n`);
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const showErrors = args.includes('--errors');
/** `--opts '{"logreg":{"l2":0.001}}'` overrides training options (for tuning by CV). */
const options: TrainOptions = args.includes('--opts') ? (JSON.parse(args[args.indexOf('--opts') + 1] ?? '{}') as TrainOptions) : {};
const all = load();
const { train, heldOut } = holdoutSplit(all);
if (args.includes('--cv')) {
  const k = Number(args[args.indexOf('--cv') + 1] ?? 5) || 5;
  const repeat = args.includes('--repeat') ? Number(args[args.indexOf('--repeat') + 1] ?? 1) || 1 : 1;
  const bySource = args.includes('--source') ? args[args.indexOf('--source') + 1] : undefined;
  // --sweep-other: train with no "other" offset, then score each offset (a post-hoc shift of one weight).
  const offsets = args.includes('--sweep-other') ? Array.from({ length: 16 }, (_, i) => Math.round((i - 5) * 10) / 100) : [undefined];
  const gold: LabelledLine[] = [];
  const preds = offsets.map((): SlurpPrediction[] => []);
  for (let r = 0; r < repeat; r++) {
    const folds = kFolds(train, k, r === 0 ? 'cv-folds' : `cv-folds-${r}`);
    folds.forEach((fold, i) => {
      const rest = folds.filter((_, j) => j !== i).flat();
      const models = trainModels(rest, offsets[0] === undefined ? options : { ...options, otherOffset: 0 });
      const lines = (bySource ? fold.filter((l) => l.source === bySource) : fold).map((l) => (r === 0 ? l : { ...l, id: `${l.id}#${r}` }));
      gold.push(...lines);
      offsets.forEach((o, j) => preds[j]!.push(...predict(o === undefined ? models : withOtherOffset(models, o), lines)));
    });
  }
  offsets.forEach((o, j) => {
    const s = summary(score(gold, preds[j]!, `${k}-fold cross-validation x${repeat}, pooled`, { verbose: verbose && o === undefined, errors: showErrors && o === undefined }));
    const head = o === undefined ? `cv k=${k} x${repeat}` : `cv k=${k} x${repeat} otherOffset=${o.toFixed(1)}`;
    process.stdout.write(`${head} pooled over ${gold.length} training-part lines: ${Object.entries(s).map(([key, v]) => `${key}=${v.toFixed(4)}`).join(' ')}\n`);
  });
} else if (args.includes('--holdout')) {
  // Figures only: the held-back lines are never printed, so nobody tunes on them by accident.
  process.stdout.write(score(heldOut, predict(trainModels(train, options), heldOut), 'held-out'));
} else if (args.includes('--all')) {
  writeModels(trainModels(all, options), `trained on all ${all.length} lines`);
} else if (args.includes('--split')) {
  writeModels(trainModels(train, options), `trained on the ${train.length}-line training part`);
} else {
  process.stdout.write('usage: train-nlu.ts --cv K [--repeat R] [--sweep-other] [--errors] [--verbose] [--source slurp-devel] | --holdout | --all | --split  [--opts JSON]\n');
}
