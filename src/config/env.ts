/**
 * The only reader of process.env in Concierge. Everything else receives typed values from here.
 */
export function envVar(name: string): string | undefined {
  const v = process.env[name];
  return v === undefined || v === '' ? undefined : v;
}

/** Reads a secret named by the user (`--password-env VAR`); the value is never echoed back. */
export function secretFromEnv(name: string): string {
  const v = envVar(name);
  if (v === undefined) throw new Error(`The environment variable ${name} is not set (or is empty); set it to the password, or pass --password.`);
  return v;
}

export function isDebugEnabled(namespace: string): boolean {
  const debug = envVar('DEBUG') ?? '';
  return debug.split(',').some((d) => d.trim() === namespace || (d.endsWith('*') && namespace.startsWith(d.trim().slice(0, -1))));
}
