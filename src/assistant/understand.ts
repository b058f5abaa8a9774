import type { Understand } from './dialog/understanding.js';

/**
 * The shipped understanding (the trained NLU). Loaded on first use: its model files are large, and
 * commands that never ask anything should not pay for them.
 */
export async function defaultUnderstand(): Promise<Understand> {
  const nlu = await import('./nlu/index.js');
  return (text, ctx) => nlu.understand(text, ctx);
}
