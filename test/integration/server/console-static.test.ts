import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, SecretBox, type Database } from '../../../src/persistence/index.js';
import { buildServer, type ConciergeServer } from '../../../src/server/app.js';
import { resolveConsoleFile } from '../../../src/server/routes/console.js';

/** The console's static files: right types, strict security headers, revalidating cache, nothing outside console/. */
describe('serving the console', () => {
  let database: Database;
  let server: ConciergeServer;
  beforeAll(async () => {
    database = await openDatabase({});
    server = await buildServer({ db: database.db, box: SecretBox.fromKey(randomBytes(32)), logLevel: 'warn' });
  });
  afterAll(async () => {
    await server?.app.close();
    await database?.close();
  });
  const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });

  it('redirects / and /console to the sign-in page', async () => {
    for (const url of ['/', '/console']) {
      const res = await get(url);
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/console/');
    }
  });

  it.each([
    ['/console/', 'text/html; charset=utf-8', '<h1>Sign in to Concierge</h1>'],
    ['/console/exchange', 'text/html; charset=utf-8', '<h1>Exchange</h1>'],
    ['/console/users', 'text/html; charset=utf-8', '<h1>Users</h1>'],
    ['/console/rooms', 'text/html; charset=utf-8', '<h1>Rooms</h1>'],
    ['/console/chat', 'text/html; charset=utf-8', '<h1>Chat</h1>'],
    ['/console/audit', 'text/html; charset=utf-8', '<h1>Audit log</h1>'],
    ['/console/me', 'text/html; charset=utf-8', '<h1>My calendar</h1>'],
    ['/setup', 'text/html; charset=utf-8', '<h1>Set up Concierge</h1>'],
    ['/invite', 'text/html; charset=utf-8', '<h1>Join Concierge</h1>'],
    ['/display', 'text/html; charset=utf-8', 'id="state-word"'],
    ['/console/css/console.css', 'text/css; charset=utf-8', '--accent'],
    ['/console/js/api.js', 'text/javascript; charset=utf-8', 'export async function api('],
    ['/console/js/pages/exchange.js', 'text/javascript; charset=utf-8', '/api/v1/exchange/test/stream'],
    ['/console/favicon.svg', 'image/svg+xml', '<svg'],
  ])('%s is %s with the security headers', async (url, type, content) => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.body).toContain(content);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers.etag).toMatch(/^"[\w-]{27}"$/);
  });

  it('answers 304 when the browser has the current version', async () => {
    const first = await get('/console/js/ui.js');
    const again = await get('/console/js/ui.js', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('has no inline script or style in any page (the CSP would block them)', async () => {
    for (const url of ['/console/', '/console/exchange', '/console/users', '/console/rooms', '/console/chat', '/console/audit', '/console/me', '/setup', '/invite', '/display']) {
      const html = (await get(url)).body;
      expect(html, url).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html, url).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
      expect(html, url).toMatch(/<script type="module" src="\/console\/js\/pages\/[a-z]+\.js"><\/script>/);
    }
  });

  it.each([
    '/console/../package.json',
    '/console/%2e%2e/package.json',
    '/console/%2E%2E/%2E%2E/etc/passwd',
    '/console/js/../../package.json',
    '/console/..%2fpackage.json',
    '/console/..%5cpackage.json',
    '/console/js/%00.js',
    '/console/.hidden.js',
    '/console/nothing-here.js',
    '/console/css',
    '/console/exchange.txt',
    '/console/admin',
  ])('%s is 404 (nothing outside console/, nothing but known kinds of file)', async (url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('"name": "concierge"');
    expect(res.body).not.toContain('root:');
  });

  it('404s a raw /console/../package.json on a real socket (no client normalised the path)', async () => {
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = server.app.server.address() as AddressInfo;
    for (const path of ['/console/../package.json', '/console/js/../../package.json', '/console/..%2F..%2Fpackage.json']) {
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.end(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
        let text = '';
        socket.on('data', (d) => (text += d.toString('utf8')));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      expect(answer.split('\r\n')[0], path).toBe('HTTP/1.1 404 Not Found');
      expect(answer, path).not.toContain('"devDependencies"');
    }
  });

  it('refuses traversal in the resolver itself, whatever the router did to the path', async () => {
    for (const rest of ['../package.json', '%2e%2e/package.json', 'js/../../package.json', 'js\\..\\..\\package.json', '/etc/passwd', 'js//api.js', '%E0%A4%A']) expect(resolveConsoleFile(rest), rest).toBeUndefined();
    const ok = resolveConsoleFile('js/api.js');
    expect(ok && (await readFile(ok, 'utf8'))).toContain('export async function api(');
  });
});
