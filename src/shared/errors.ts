/**
 * The base of every error Concierge raises on purpose. Errors carry data (a stable code, what failed,
 * how to fix it); each surface (CLI, API, speech) renders its own words from that data.
 */
export class AppError extends Error {
  /** Stable, machine-readable code, e.g. `ErrorAccessDenied` or `HttpUnauthorized`. */
  readonly code: string;
  /** What the person who can fix it should do next. */
  readonly hint: string;
  /**
   * True when the failure certainly changed nothing (refused before the request was acted on), so a
   * change can wait to be tried again; false when it may have been applied, or nobody knows.
   */
  readonly nothingChanged: boolean;

  constructor(code: string, message: string, hint: string, options?: { cause?: unknown; nothingChanged?: boolean }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.hint = hint;
    this.nothingChanged = options?.nothingChanged ?? false;
  }
}
