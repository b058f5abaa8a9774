import { describe, expect, it } from 'vitest';
import { FROM_NOW_ON, saysWholeSeries, seriesMoved, seriesNamed } from '../../../../src/assistant/dialog/turn-words.js';

describe('words for a whole series', () => {
  it('names the series a cancel means, one of it, whatever surrounds the name', () => {
    const named: [string, string][] = [
      ['cancel all the standups', 'standup'],
      ['cancel the standup series', 'standup'],
      ['delete every standup', 'standup'],
      ['cancel my standups from now on', 'standup'],
      ['cancel all future standups', 'standup'],
      ['cancel the weekly standup going forward', 'standup'],
      ['cancel all my team standups', 'team standup'],
      ['please cancel all of my one on ones', 'one on one'],
      ['cancel all my lunches', 'lunch'],
      ['delete every 1:1', '1:1'],
      ['cancel every status meeting', 'status meeting'],
    ];
    for (const [text, name] of named) expect(seriesNamed(text), text).toBe(name);
  });

  it('names nothing when the words pick some occurrences, or any meeting', () => {
    for (const text of ['cancel the standups this week', 'cancel my standups next week', 'cancel every monday standup', 'cancel all my standups until friday', 'cancel all my meetings', 'cancel all my 3pm standups']) {
      expect(seriesNamed(text), text).toBeUndefined();
    }
  });

  it('names the series a move means, not where it goes', () => {
    expect(seriesMoved('move all my standups to 9:30')).toBe('standup');
    expect(seriesMoved('push all my standups back 30 minutes')).toBe('standup');
    expect(seriesMoved('move the standup series to 10 from now on')).toBe('standup');
    expect(seriesMoved('reschedule every design crit to 3pm')).toBe('design crit');
    expect(seriesMoved('move all my standups tomorrow to 10')).toBeUndefined();
  });

  it('tells a whole series from a name that only contains "all" or "every"', () => {
    for (const text of ['cancel all the platform syncs', 'cancel every standup', 'cancel the standup series', 'cancel the standup from now on', 'remind me before each of my standups']) expect(saysWholeSeries(text), text).toBe(true);
    for (const text of ['cancel the all hands', 'cancel all hands', 'cancel the standup', 'cancel the speaker series talk tomorrow']) expect(saysWholeSeries(text), text).toBe(false);
  });

  it('takes "from now on" out of a change, for the model to read its time', () => {
    expect('move the standup to 10 from now on'.replace(FROM_NOW_ON, '')).toBe('move the standup to 10');
    expect('move the standup to 10 going forward please'.replace(FROM_NOW_ON, '')).toBe('move the standup to 10 please');
  });
});
