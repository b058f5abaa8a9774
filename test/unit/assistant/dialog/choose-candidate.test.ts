import { describe, expect, it } from 'vitest';
import { chooseCandidate } from '../../../../src/assistant/dialog/choose-candidate.js';

const BOBS = [
  { name: 'Bob Jones', email: 'bjones@contoso.com' },
  { name: 'Bob Smith', email: 'bob@contoso.com' },
  { name: 'Roberta Smithers', email: 'rsmithers@contoso.com' },
];

describe('chooseCandidate: the answer to "Which Bob do you mean?"', () => {
  it.each([
    ['Bob Smith', 'Bob Smith'],
    ['I mean bob jones please', 'Bob Jones'],
    ['jones', 'Bob Jones'],
    ['bob@contoso.com', 'Bob Smith'],
    ['the first one', 'Bob Jones'],
    ['the second', 'Bob Smith'],
    ['the last one', 'Roberta Smithers'],
    ['roberta', 'Roberta Smithers'],
    ['smith', 'Bob Smith'],
    ['the second one', 'Bob Smith'],
    ['the 2nd one', 'Bob Smith'],
    ['the third one', 'Roberta Smithers'],
    ['Bob Jones.', 'Bob Jones'],
    ['the second.', 'Bob Smith'],
  ])('%s -> %s', (answer, name) => {
    expect(chooseCandidate(answer, BOBS)?.name).toBe(name);
  });

  it.each(['bob', 'smi', 'carol', 'yes', '', 'the first or the second', 'bob, the one i met last week'])('%j fits several or none: no choice', (answer) => {
    expect(chooseCandidate(answer, BOBS)).toBeUndefined();
  });

  it('a name that is all of one candidate\'s and part of another\'s picks the whole one ("Fishbowl", not "Fishbowl Annex")', () => {
    const rooms = [{ name: 'Fishbowl', email: 'fishbowl@contoso.com' }, { name: 'Fishbowl Annex', email: 'fishbowl.annex@contoso.com' }];
    expect(chooseCandidate('Fishbowl', rooms)?.email).toBe('fishbowl@contoso.com');
    expect(chooseCandidate('just fishbowl please', rooms)?.email).toBe('fishbowl@contoso.com');
    expect(chooseCandidate('the annex', rooms)?.email).toBe('fishbowl.annex@contoso.com');
  });
});
