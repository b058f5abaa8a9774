import { afterAll, beforeAll } from 'vitest';
import type { RunningSimulator } from '../../src/simulator/host.js';

/**
 * Starts a simulator before the enclosing file's or describe's tests and closes it after them. The returned
 * object stands for the running simulator: read it inside tests and later hooks, not while collecting tests.
 */
export function useSimulator(start: () => Promise<RunningSimulator>): RunningSimulator {
  let running: RunningSimulator | undefined;
  beforeAll(async () => {
    running = await start();
  });
  afterAll(async () => {
    await running?.close();
    running = undefined;
  });
  const current = (): RunningSimulator => {
    if (!running) throw new Error('The simulator is not running: useSimulator starts it in beforeAll; read it inside a test or a later hook.');
    return running;
  };
  return {
    get ewsUrl() {
      return current().ewsUrl;
    },
    get powershellUrl() {
      return current().powershellUrl;
    },
    get caFile() {
      return current().caFile;
    },
    get generatedAdminPassword() {
      return current().generatedAdminPassword;
    },
    get exchange() {
      return current().exchange;
    },
    close: () => current().close(),
  };
}
