import { afterAll, beforeAll } from 'vitest';
import { Assistant } from '../../src/assistant/assistant.js';
import { MemoryDialogStore } from '../../src/assistant/dialog/state.js';
import { defaultUnderstand } from '../../src/assistant/understand.js';
import { EwsClient } from '../../src/ews/client/ews-client.js';
import { BasicAuth } from '../../src/ews/transport/auth.js';
import { EwsCalendarProvider } from '../../src/providers/ews/ews-provider.js';
import type { RunningSimulator } from '../../src/simulator/host.js';

/**
 * The assistant over a running simulator, as the service account that impersonates its people (dialog
 * state in memory), made before the enclosing file's tests and closed after them. Read `assistant` and
 * `client` (for writes a test sets up, as another person) inside tests.
 */
export function useAssistant(sim: RunningSimulator, svc: { readonly upn: string; readonly password: string }): { readonly assistant: Assistant; readonly client: EwsClient } {
  let client: EwsClient | undefined;
  let assistant: Assistant | undefined;
  beforeAll(async () => {
    client = new EwsClient({ url: sim.ewsUrl, auth: new BasicAuth(svc.upn, svc.password), access: 'impersonation' });
    const c = client;
    const provider = new EwsCalendarProvider((fn) => fn(c), { server: new URL(sim.ewsUrl).host, account: svc.upn, method: 'impersonation' });
    assistant = new Assistant(provider, new MemoryDialogStore(), await defaultUnderstand());
  });
  afterAll(async () => {
    await client?.close();
  });
  const ready = <T>(x: T | undefined): T => {
    if (!x) throw new Error('useAssistant makes the assistant in beforeAll: read it inside a test.');
    return x;
  };
  return {
    get assistant() {
      return ready(assistant);
    },
    get client() {
      return ready(client);
    },
  };
}
