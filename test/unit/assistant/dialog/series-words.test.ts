import { describe, expect, it } from 'vitest';
import { cancelled, FROM_NOW_ON, moved, seriesNamed, wholeSeriesNamed } from '../../../../src/assistant/dialog/turn-words.js';

const cancelOf = (text: string) => wholeSeriesNamed(cancelled(text), text);
const moveOf = (text: string) => wholeSeriesNamed(moved(text), text);

describe('words for a whole series', () => {
  it('names the series a cancel means, one of it, whatever surrounds the name', () => {
    const named: [string, string][] = [
      ['cancel all the standups', 'standup'],
      ['cancel the standup series', 'standup'],
      ['delete every standup', 'standup'],
      ['cancel my standups from now on', 'standup'],
      ['cancel all future standups', 'standup'],
      ['cancel the remaining standups', 'standup'],
      ['cancel the weekly standup going forward', 'standup'],
      ['cancel all my team standups', 'team standup'],
      ['please cancel all of my one on ones', 'one on one'],
      ['cancel all my lunches', 'lunch'],
      ['delete every 1:1', '1:1'],
      ['cancel every status meeting', 'status meeting'],
      ['cancel the berlin team sync for good', 'berlin team sync'],
      ['remove all my standups from my calendar', 'standup'],
    ];
    for (const [text, name] of named) expect(cancelOf(text), text).toBe(name);
  });

  it('names no series when the words pick some occurrences, any meeting, or frame something else than the name', () => {
    for (const text of [
      'cancel the standups this week',
      'cancel my standups next week',
      'cancel every monday standup',
      'cancel all my standups until friday',
      'cancel every standup on the 15th',
      'cancel all my meetings',
      'cancel all my meetings with bob',
      'cancel all my 3pm standups',
      'cancel the review with all the interns',
      'cancel the all hands',
      'cancel all hands',
      'cancel the standup',
      'cancel the speaker series talk tomorrow',
    ]) {
      expect(cancelOf(text), text).toBeUndefined();
    }
  });

  it('names the series a move means, not where it goes; days where it goes are some occurrences', () => {
    expect(moveOf('move all my standups to 9:30')).toBe('standup');
    expect(moveOf('push all my standups back 30 minutes')).toBe('standup');
    expect(moveOf('move the standup series to 10 from now on')).toBe('standup');
    expect(moveOf('move the standup to 10 from now on')).toBe('standup');
    expect(moveOf('reschedule every design crit to 3pm')).toBe('design crit');
    expect(moveOf('move all my standups tomorrow to 10')).toBeUndefined();
    expect(moveOf('move all my standups to 10 this week')).toBeUndefined();
    expect(moveOf('move the review with all the interns to 3')).toBeUndefined();
  });

  it('frames a name said for an edit or a reminder, and only the name', () => {
    expect(wholeSeriesNamed('all my roadmap huddles', 'add ann to all my roadmap huddles')).toBe('roadmap huddle');
    expect(wholeSeriesNamed('every standup', 'remind me 10 minutes before every standup')).toBe('standup');
    expect(wholeSeriesNamed('my sync with all the managers', 'remind me 10 minutes before my sync with all the managers')).toBeUndefined();
    expect(wholeSeriesNamed('the roadmap huddle', 'rename the roadmap huddle to roadmap review for all the teams')).toBeUndefined();
    expect(seriesNamed('standups')).toBe('standup');
  });

  it('takes "from now on" out of a change, for the model to read its time', () => {
    expect('move the standup to 10 from now on'.replace(FROM_NOW_ON, '')).toBe('move the standup to 10');
    expect('move the standup to 10 going forward please'.replace(FROM_NOW_ON, '')).toBe('move the standup to 10 please');
  });
});
