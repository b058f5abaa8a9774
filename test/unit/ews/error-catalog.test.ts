import { describe, expect, it } from 'vitest';
import { ewsError } from '../../../src/ews/error-catalog.js';

/** The catalog's words must be true for the error they end up in: the real port, and no promise of a retry that is over. */
describe('ewsError words', () => {
  it('ConnectionRefused names the port of the URL, or its scheme\'s default, or none when there is no URL', () => {
    const hint = (url?: string) => ewsError('ConnectionRefused', {}, url === undefined ? {} : { url }).hint;
    expect(hint('https://mail.contoso.com:9/EWS/Exchange.asmx')).toBe('Check the host and port, and that a firewall lets Concierge reach Exchange on port 9.');
    expect(hint('https://mail.contoso.com/EWS/Exchange.asmx')).toMatch(/on port 443\.$/);
    expect(hint('http://mail.contoso.com/EWS/Exchange.asmx')).toMatch(/on port 80\.$/);
    expect(hint()).toBe('Check the host and port, and that a firewall lets Concierge reach Exchange.');
  });

  it('ErrorServerBusy says it waited and tried only when it did, and never that it will retry', () => {
    const first = ewsError('ErrorServerBusy', { backOffMs: 2_000 });
    expect(first.message).toBe('Exchange is busy and throttled the request. Exchange asked to wait 2 s.');
    expect(first.hint).toBe('Try again in a few minutes; if this persists, raise the throttling policy of the service account (Set-ThrottlingPolicy).');
    expect(ewsError('ErrorServerBusy', { backOffMs: 2_000, attempts: 4 }).hint).toMatch(/^Concierge waited as Exchange asked and tried 4 times; it is still busy\. Try again in a few minutes;/);
    expect(ewsError('ErrorServerBusy', { attempts: 2 }).hint).toMatch(/^Concierge waited and tried 2 times; it is still busy\./);
    expect(ewsError('HttpServiceUnavailable', { httpStatus: 503, attempts: 3 }).hint).toBe('Concierge waited and tried 3 times; it is still busy. Requests are queuing on the Exchange server; try again later.');
  });
});
