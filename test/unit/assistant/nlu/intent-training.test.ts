import { describe, expect, it } from 'vitest';
import { lexicalOther } from '../../../../src/assistant/nlu/intents.js';
import { classify } from '../../../../src/assistant/nlu/model.js';
import { trainIntent } from '../../../../src/assistant/nlu/training/intent.js';
import { naiveBayesWeights } from '../../../../src/assistant/nlu/training/naive-bayes.js';

const LABELS = ['calendar_query', 'calendar_set', 'calendar_remove', 'other'];
const EXAMPLES = [
  { id: 'a', features: ['bias', 'u=what', 'u=meeting'], label: 'calendar_query' },
  { id: 'b', features: ['bias', 'u=add', 'u=meeting'], label: 'calendar_set' },
  { id: 'c', features: ['bias', 'u=delete', 'u=meeting'], label: 'calendar_remove' },
  { id: 'd', features: ['bias', 'u=play', 'u=music'], label: 'other' },
  { id: 'e', features: ['bias', 'u=what', 'u=weather'], label: 'other' },
];

describe('naive-Bayes weights', () => {
  it('favour the label a feature was seen with, centred over labels', () => {
    const w = naiveBayesWeights(EXAMPLES, LABELS, { weight: 1, alpha: 0.5 });
    const music = w.get('u=music')!;
    expect(music.indexOf(Math.max(...music))).toBe(3);
    expect(music.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 9);
    const del = w.get('u=delete')!;
    expect(del.indexOf(Math.max(...del))).toBe(2);
  });

  it('scale with their weight (0 adds nothing)', () => {
    const one = naiveBayesWeights(EXAMPLES, LABELS, { weight: 1, alpha: 0.5 }).get('u=add')!;
    const half = naiveBayesWeights(EXAMPLES, LABELS, { weight: 0.5, alpha: 0.5 }).get('u=add')!;
    half.forEach((v, k) => expect(v).toBeCloseTo(one[k]! / 2, 9));
    expect(naiveBayesWeights(EXAMPLES, LABELS, { weight: 0, alpha: 0.5 }).get('u=add')!.every((v) => v === 0)).toBe(true);
  });
});

describe('intent model training', () => {
  const opts = { logreg: { epochs: 5 }, intentEnsemble: 2 };

  it('learns the toy labels and is deterministic', () => {
    const m = trainIntent(EXAMPLES, LABELS, opts);
    expect(classify(m, ['bias', 'u=delete', 'u=meeting']).label).toBe('calendar_remove');
    expect(classify(m, ['bias', 'u=play', 'u=music']).label).toBe('other');
    expect(JSON.stringify(trainIntent(EXAMPLES, LABELS, opts))).toBe(JSON.stringify(m));
  });

  it('the "other" offset lowers only other\'s bias, by the offset', () => {
    const a = trainIntent(EXAMPLES, LABELS, { ...opts, otherOffset: 0 });
    const b = trainIntent(EXAMPLES, LABELS, { ...opts, otherOffset: 1 });
    expect(b.weights.bias![3]).toBeCloseTo(a.weights.bias![3]! - 1, 6);
    expect(b.weights.bias!.slice(0, 3)).toEqual(a.weights.bias!.slice(0, 3));
    expect(b.weights['u=music']).toEqual(a.weights['u=music']);
  });
});

describe('lexicalOther: other assistant domains that share calendar words', () => {
  const w = (t: string): string[] => t.split(' ');
  it.each(['remove all of my alarms', 'set an alarm for seven am tomorrow', 'what day of the week is june twenty seventh', "what's happening in town this weekend", 'any concerts nearby tonight'])('%s -> other', (t) => {
    expect(lexicalOther(w(t))).toBe(true);
  });
  it.each(['set an alarm in my calendar for the meeting', 'what day of the week is my birthday', 'what day is the meeting', 'what is on my calendar tomorrow', 'add the local council meeting to my calendar', 'delete my dentist appointment'])('%s -> not decided', (t) => {
    expect(lexicalOther(w(t))).toBe(false);
  });
});
