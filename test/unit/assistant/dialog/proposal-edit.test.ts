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
    ['not bob, ann', { removePeople: ['bob'], addPeople: ['ann'] }],
    ['no, not bob smith but ann', { removePeople: ['bob smith'], addPeople: ['ann'] }],
    ['ann instead of bob', { removePeople: ['bob'], addPeople: ['ann'] }],
    ['ann not bob', { removePeople: ['bob'], addPeople: ['ann'] }],
    ['yes and add dave', { addPeople: ['dave'] }],
    ['yes, but invite ann too', { addPeople: ['ann'] }],
    ['sure, call it Team Lunch', { title: 'Team Lunch' }],
    ['add dave as optional', { addPeople: ['dave'], optional: true }],
    ['also invite ann and carol as optional attendees', { addPeople: ['ann', 'carol'], optional: true }],
    // A room for the proposal, never a guest called "book the boardroom" nor a meeting booked now.
    ['book the boardroom too', { location: 'boardroom', room: true }],
    ['and book the Fishbowl', { location: 'Fishbowl', room: true }],
    ['and put it in the boardroom', { location: 'boardroom', room: true }],
    ['add the huddle room', { location: 'huddle room', room: true }],
    // One guest for another, said as two steps; the guest meant after a wrong one; a new name said plainly.
    ['remove ann and add dave', { removePeople: ['ann'], addPeople: ['dave'] }],
    ['replace ann with dave', { removePeople: ['ann'], addPeople: ['dave'] }],
    ['no, bob smith', { meantPerson: 'bob smith' }],
    ['change the title to roadmap review', { title: 'roadmap review' }],
    ['rename it to Design Critique', { title: 'Design Critique' }],
  ] as const)('%s', (text, edit) => {
    expect(proposalEdit(text, {})).toEqual(edit);
  });
  it('a request with its own when is not an edit, nor is anything else', () => {
    expect(proposalEdit('add bob friday at 2', { start: '2027-03-12T22:00:00Z' })).toBeUndefined();
    expect(proposalEdit('play some jazz', {})).toBeUndefined();
    expect(proposalEdit('what is the weather', {})).toBeUndefined();
    expect(proposalEdit('not now, later', {})).toBeUndefined();
    expect(proposalEdit('yes', {})).toBeUndefined();
    expect(proposalEdit('book it', {})).toBeUndefined();
    expect(proposalEdit('no, tomorrow', {})).toBeUndefined();
    expect(proposalEdit('no, the standup', {})).toBeUndefined();
    expect(proposalEdit('no thanks', {})).toBeUndefined();
    expect(proposalEdit('book the boardroom for the budget review', {})).toBeUndefined();
    expect(proposalEdit('add the agenda', {})).toBeUndefined();
    expect(proposalEdit('yes please', {})).toBeUndefined();
  });
});
