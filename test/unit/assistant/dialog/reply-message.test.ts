import { describe, expect, it } from 'vitest';
import { replyWithMessage } from '../../../../src/assistant/dialog/reply-message.js';

describe('replyWithMessage: the words for the organizer said with an answer to an invitation', () => {
  it.each([
    ["decline the berlin team sync and tell dave I'm travelling", 'decline the berlin team sync', "I'm travelling.", 'dave'],
    ["decline the budget review and tell bob i'm at the dentist tomorrow", 'decline the budget review', "I'm at the dentist tomorrow.", 'bob'],
    ['decline it, and tell bob smith that the deck isn\'t ready', 'decline it', "The deck isn't ready.", 'bob smith'],
    ['decline it and tell the organizer i have a conflict', 'decline it', 'I have a conflict.'],
    ["accept the design review and let them know i'll be ten minutes late", 'accept the design review', "I'll be ten minutes late."],
    ["decline my 3pm saying i'm sick", 'decline my 3pm', "I'm sick."],
    ["decline tomorrow's standup because i'm travelling", "decline tomorrow's standup", "I'm travelling."],
    ['decline the product review with the message sorry, out of office friday', 'decline the product review', 'Sorry, out of office friday.'],
    ['tentatively accept the 2pm and ask them to send the agenda', 'tentatively accept the 2pm', 'Could you send the agenda?'],
    ['please accept it and say see you there!', 'please accept it', 'See you there!'],
    ['decline my 3pm because of a conflict', 'decline my 3pm', 'Because of a conflict.'],
    ['decline it and tell dave to go ahead without me', 'decline it', 'Please go ahead without me.', 'dave'],
    ['decline it and tell dave congrats on the launch', 'decline it', 'Congrats on the launch.', 'dave'],
    ["decline it and tell the team lead I'm out", 'decline it', "I'm out."],
    ["decline it\nand tell bob I'm sick", 'decline it', "I'm sick.", 'bob'],
    ["decline the offsite, I'm travelling that week", 'decline the offsite', "I'm travelling that week."],
    ['decline the offsite. sorry, can\'t make it', 'decline the offsite', "Sorry, can't make it."],
  ])('%s', (text, request, message, to?: string) => {
    // (`to`: whom the words named, when a name: the message still goes to the organizer.)
    expect(replyWithMessage(text)).toEqual({ request, message, ...(to ? { to } : {}) });
  });

  it('a message asked for with no words after it is said missing (undefined), and the request stands', () => {
    expect(replyWithMessage('decline the sync and tell them')).toEqual({ request: 'decline the sync', message: undefined });
    expect(replyWithMessage('decline the review with a note')).toEqual({ request: 'decline the review', message: undefined });
    // (Asked for in words no opening reads: still said not to go, never sent as something else.)
    expect(replyWithMessage("decline the planning sync and message dave that I'm sick")).toEqual({ request: 'decline the planning sync', message: undefined });
  });

  it('a verb inside a meeting\'s name, or words for the assistant, open no message', () => {
    expect(replyWithMessage('accept the invite to say goodbye drinks')).toBeUndefined();
    expect(replyWithMessage('accept the planning sync and add it to my calendar')).toBeUndefined();
    expect(replyWithMessage('accept the standup and tell me when it starts')).toBeUndefined();
    expect(replyWithMessage('decline the show and tell on friday')).toBeUndefined();
    expect(replyWithMessage("decline the partner call and mention I'm travelling")).toEqual({ request: 'decline the partner call', message: "I'm travelling." });
    expect(replyWithMessage("decline the partner call and also tell dave I'm travelling")).toEqual({ request: 'decline the partner call', message: "I'm travelling.", to: 'dave' });
  });

  it('only an answer to an invitation carries one: other requests and plain answers are left alone', () => {
    expect(replyWithMessage('accept it')).toBeUndefined();
    expect(replyWithMessage('please say yes to the 3pm')).toBeUndefined();
    expect(replyWithMessage("move my 3pm because i'm late")).toBeUndefined();
    expect(replyWithMessage('tell bob the meeting moved')).toBeUndefined();
  });
});
