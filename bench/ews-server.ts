/**
 * A loopback stand-in for /EWS/Exchange.asmx: answers every POST with the same pre-built bytes.
 * Plain http on 127.0.0.1, port 0. A request without an Authorization header gets the Basic
 * challenge Exchange sends (401 + WWW-Authenticate), so a client that waits to be challenged works too;
 * both clients are treated the same way.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FixtureServer {
  readonly url: string;
  /** Requests answered 200 / 401 so far. */
  readonly stats: { ok: number; challenged: number; other: number };
  close(): Promise<void>;
}

export async function startFixtureServer(body: Buffer): Promise<FixtureServer> {
  const stats = { ok: 0, challenged: 0, other: 0 };
  const server: Server = createServer((req, res) => {
    // Read the whole request first, as a real server does, then answer.
    req.on('data', () => {});
    req.on('end', () => {
      if (req.method !== 'POST') {
        stats.other++;
        res.writeHead(405, { allow: 'POST', 'content-length': '0' }).end();
        return;
      }
      if (!req.headers.authorization) {
        stats.challenged++;
        res.writeHead(401, { 'www-authenticate': 'Basic realm="x"', 'content-length': '0' }).end();
        return;
      }
      stats.ok++;
      res.writeHead(200, {
        'content-type': 'text/xml; charset=utf-8',
        'content-length': String(body.length),
        'x-feserver': 'EX01',
        'request-id': '00000000-0000-0000-0000-000000000000',
      });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/EWS/Exchange.asmx`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
