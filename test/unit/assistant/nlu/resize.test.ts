import { describe, expect, it } from 'vitest';
import { resizeSaid } from '../../../../src/assistant/nlu/resize.js';

describe('resizeSaid: how a length change of an existing event is said', () => {
  it.each([
    ['extend the budget review by 15 minutes', { minutes: 15, how: 'by' }],
    ['shorten my 11am by half an hour', { minutes: -30, how: 'by' }],
    ['make the standup 30 minutes long', { minutes: 30, how: 'to' }],
    ['make it 10 minutes shorter', { minutes: -10, how: 'by' }],
    ['make the budget review 30 minutes longer', { minutes: 30, how: 'by' }],
    ['add an hour to the offsite planning', { minutes: 60, how: 'by' }],
    ['shorten my 11am to 30 minutes', { minutes: 30, how: 'to' }],
    ['change the length of the budget review to 45 minutes', { minutes: 45, how: 'to' }],
  ])('%s', (text, resize) => {
    expect(resizeSaid(text)).toEqual(resize);
  });

  it('no amount said, no resize: "make the budget review longer" stays a question of how much', () => {
    expect(resizeSaid('make the budget review longer')).toBeUndefined();
  });
});
