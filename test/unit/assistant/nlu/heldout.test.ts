import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { predictSlurp } from '../../../../src/assistant/nlu/slurp.js';
import { trainModels } from '../../../../src/assistant/nlu/training/pipeline.js';
import { holdoutSplit, parseJsonl } from '../../../../src/assistant/nlu/training/split.js';
import { createUnderstander } from '../../../../src/assistant/nlu/understand.js';
import { SHARED_DIR } from '../../../support/shared.js';

const run = promisify(execFile);
const NLU = join(SHARED_DIR, 'nlu');
const FILES = ['calendar-train.jsonl', 'other-train.jsonl'];
const present = FILES.every((f) => existsSync(join(NLU, f))) && existsSync(join(NLU, 'score.mjs'));
const CTX = { now: new Date('2026-03-04T17:00:00Z'), timeZone: 'America/New_York' };

interface Report {
  readonly in_scope_intent_acc: number;
  readonly oos_reject: number;
  readonly false_reject: number;
  readonly slot: { readonly f1: number };
}

interface Figures {
  readonly inScope: number;
  readonly oosReject: number;
  readonly falseReject: number;
  readonly slotF1: number;
}

/**
 * The unseen-data figures: models trained (here, deterministically) on the training part of the fixed
 * seeded split, run through the same function as `concierge nlu` over the held-back 20%, scored by the
 * shared scorer. The shipped model is trained on every line; this one on the training part only.
 *
 * Measured (547 held-back lines: 147 calendar, 400 other): in-scope intent 0.9456 (139/147), oos
 * rejection 0.9800 (392/400), false rejection 0.0340 (5/147), slot F1 0.8538. (The model before the
 * naive-Bayes/ensemble intent model scored 0.9116, 0.9850, 0.0612 and 0.8498.)
 */
async function heldOutFigures(): Promise<Figures> {
  const lines = FILES.flatMap((f) => parseJsonl(readFileSync(join(NLU, f), 'utf8')));
  const { train, heldOut } = holdoutSplit(lines);
  const understand = createUnderstander(trainModels(train));
  const dir = mkdtempSync(join(tmpdir(), 'nlu-heldout-'));
  writeFileSync(join(dir, 'gold.jsonl'), heldOut.map((l) => JSON.stringify(l)).join('\n') + '\n');
  writeFileSync(join(dir, 'pred.jsonl'), heldOut.map((l) => JSON.stringify(predictSlurp(understand, l.id, l.text, CTX))).join('\n') + '\n');
  await run('node', [join(NLU, 'score.mjs'), join(dir, 'gold.jsonl'), join(dir, 'pred.jsonl'), '--json', join(dir, 'score.json')]);
  const r = JSON.parse(readFileSync(join(dir, 'score.json'), 'utf8')) as Report;
  return { inScope: r.in_scope_intent_acc, oosReject: r.oos_reject, falseReject: r.false_reject, slotF1: r.slot.f1 };
}

describe.skipIf(!present)('held-out figures with the shared scorer', () => {
  let figures: Figures;
  beforeAll(async () => {
    figures = await heldOutFigures();
  }, 60_000);

  it('calendar lines given the right intent >= 92%', () => expect(figures.inScope).toBeGreaterThanOrEqual(0.92));
  it('calendar lines wrongly rejected <= 5%', () => expect(figures.falseReject).toBeLessThanOrEqual(0.05));
  it('slot F1 >= 0.80', () => expect(figures.slotF1).toBeGreaterThanOrEqual(0.8));

  // Out-of-scope rejection fell from 394/400 to 390/400 on these lines with the current intent model,
  // though 3x5-fold cross-validation on the training part has it rising (0.978 -> 0.987); it was not
  // tuned further, to keep these figures unseen. The floor holds today's figure so it cannot slip; the
  // `fails` case states the target and starts failing (a reminder to make it plain) once met again.
  it('non-calendar rejection does not fall below today\'s 0.98', () => expect(figures.oosReject).toBeGreaterThanOrEqual(0.98));
  it.fails('target, not met: non-calendar lines are rejected as other >= 98.5%', () => expect(figures.oosReject).toBeGreaterThanOrEqual(0.985));
});

describe.skipIf(!present)('training', () => {
  it('is deterministic', () => {
    const lines = parseJsonl(readFileSync(join(NLU, 'calendar-train.jsonl'), 'utf8')).slice(0, 80);
    const options = { taggerEnsemble: 2 };
    expect(JSON.stringify(trainModels(lines, options))).toBe(JSON.stringify(trainModels(lines, options)));
  });
});
