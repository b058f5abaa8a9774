import { describe, expect, it } from 'vitest';
import { normalise, tokenRange, tokenize } from '../../../../src/assistant/nlu/text.js';

const norm = (text: string): string => normalise(tokenize(text)).text;

describe('tokenize', () => {
  it('strips surrounding punctuation, keeps possessives, and splits a fused "3pm" as it is said', () => {
    expect(tokenize('Lunch with Bob\'s team, Friday at 3pm!').map((t) => t.text)).toEqual(['Lunch', 'with', "Bob's", 'team', 'Friday', 'at', '3', 'pm']);
    const [t] = tokenize('  "Hello"');
    expect(t).toEqual({ text: 'Hello', lower: 'hello', start: 3, end: 8 });
  });
});

describe('normalise (spelled-out numbers to digits, for chrono)', () => {
  it.each([
    ['march twenty fifth', 'march 25th'],
    ['ten am', '10 am'],
    ['five thirty pm', '5:30 pm'],
    ['eleven oh five', '11:05'],
    ['half past three', '3:30'],
    ['quarter to four', '3:45'],
    ['april one two thousand and seventeen', 'april 1 2017'],
    ['the twenty second of march twenty seventeen', 'the 22nd of march 2017'],
    ['on the fifteenth', 'on the 15th'],
    ['my second meeting', 'my second meeting'],
    ["tomorrow's meeting at twelve o clock", "tomorrow meeting at 12 o'clock"],
    ['for forty five minutes', 'for 45 minutes'],
    ['in two hours', 'in 2 hours'],
    ['one hundred and five', '105'],
  ])('%s -> %s', (spoken, typed) => expect(norm(spoken)).toBe(typed));

  it('maps a span of the normalised text back to the words as said', () => {
    const n = normalise(tokenize('lunch on march twenty fifth at noon'));
    const at = n.text.indexOf('march 25th');
    expect(tokenRange(n, at, at + 'march 25th'.length)).toEqual({ from: 2, to: 5 });
  });
});
