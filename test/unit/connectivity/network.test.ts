import { describe, expect, it } from 'vitest';
import { isPrivateAddress, parseTarget, withTimeout } from '../../../src/connectivity/network.js';

describe('parseTarget', () => {
  it('host, port and scheme, IPv6 brackets removed', () => {
    expect(parseTarget('https://mail.contoso.com/EWS/Exchange.asmx')).toMatchObject({ host: 'mail.contoso.com', port: 443, https: true });
    expect(parseTarget('http://[::1]:8080/EWS/Exchange.asmx')).toMatchObject({ host: '::1', port: 8080, https: false });
  });
  it('says why a URL cannot be checked', () => {
    expect(parseTarget('mail.contoso.com')).toBe('"mail.contoso.com" is not a URL');
    expect(parseTarget('ftp://mail.contoso.com/')).toBe('"ftp://mail.contoso.com/" is not an http(s) URL (it uses ftp:)');
  });
});

describe('isPrivateAddress', () => {
  it('loopback, RFC 1918, link-local, unique-local', () => {
    expect(['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.0.1', '::1', 'fd00::1', 'fe80::1', '::ffff:10.0.0.1'].every(isPrivateAddress)).toBe(true);
    expect(['203.0.113.5', '172.32.0.1', '8.8.8.8', '2001:db8::1'].some(isPrivateAddress)).toBe(false);
  });
});

describe('withTimeout', () => {
  it('rejects with ETIMEDOUT when the work takes too long', async () => {
    await expect(withTimeout(10, new Promise(() => {}))).rejects.toMatchObject({ code: 'ETIMEDOUT' });
    await expect(withTimeout(1000, Promise.resolve(1))).resolves.toBe(1);
  });
});
