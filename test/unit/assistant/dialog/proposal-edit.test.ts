import { describe, expect, it } from 'vitest';
import { proposalEdit } from '../../../../src/assistant/dialog/proposal-edit.js';

describe('short edits to a waiting proposal', () => {
  it.each([
    ['add bob smith too', { addPeople: ['bob smith'] }],
    ['also invite ann and carol', { addPeople: ['ann', 'carol'] }],
    ['carol too', { addPeople: ['carol'] }],
    ['with ann instead', { replacePeople: ['ann'] }],
    ['in the boardroom', { location: 'boardroom' }],
    ['at cafe rio', { location: 'cafe rio' }],
    ['call it sprint review', { title: 'sprint review' }],
  ] as const)('%s', (text, edit) => {
    expect(proposalEdit(text, {})).toEqual(edit);
  });
  it('a request with its own when is not an edit, nor is anything else', () => {
    expect(proposalEdit('add bob friday at 2', { start: '2027-03-12T22:00:00Z' })).toBeUndefined();
    expect(proposalEdit('play some jazz', {})).toBeUndefined();
    expect(proposalEdit('what is the weather', {})).toBeUndefined();
  });
});
