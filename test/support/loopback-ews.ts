import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpResponse } from '../../src/ews/transport/types.js';

export interface LoopbackEws {
  readonly url: string;
  readonly requests: { body: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

/** A plain-HTTP server on 127.0.0.1 that answers EWS POSTs with `answer(body)`. */
export async function startLoopbackEws(answer: (body: string, headers: IncomingMessage['headers']) => HttpResponse): Promise<LoopbackEws> {
  const requests: LoopbackEws['requests'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ body, headers: req.headers });
      const out = answer(body, req.headers);
      const headers: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(out.headers)) if (v !== undefined) headers[k] = typeof v === 'string' ? v : [...v];
      res.writeHead(out.status, headers).end(out.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/EWS/Exchange.asmx`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
