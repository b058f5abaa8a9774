/**
 * The base of every error Concierge raises on purpose. Errors carry data (a stable code, what failed,
 * how to fix it); each surface (CLI, API, speech) renders its own words from that data.
 */
export class AppError extends Error {
  /** Stable, machine-readable code, e.g. `ErrorAccessDenied` or `HttpUnauthorized`. */
  readonly code: string;
  /** What the person who can fix it should do next. */
  readonly hint: string;

  constructor(code: string, message: string, hint: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.hint = hint;
  }
}
