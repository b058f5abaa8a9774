import { AppError } from '../shared/errors.js';

/** An HTTP failure with what went wrong and how to fix it, rendered as application/problem+json. */
export class HttpProblem extends AppError {
  constructor(
    readonly status: number,
    code: string,
    message: string,
    hint: string,
    readonly details?: Readonly<Record<string, unknown>>,
    options?: { readonly nothingChanged?: boolean },
  ) {
    super(code, message, hint, options);
  }
}

export const unauthorized = () => new HttpProblem(401, 'Unauthenticated', 'You are not signed in.', 'Sign in to the console (POST /api/v1/session), then send the session cookie.');
export const forbidden = (why: string) => new HttpProblem(403, 'Forbidden', why, 'Sign in with an account that has the right role.');
export const badRequest = (message: string, hint: string, details?: Record<string, unknown>) => new HttpProblem(400, 'BadRequest', message, hint, details);
export const notFound = (what: string) => new HttpProblem(404, 'NotFound', `${what} was not found.`, 'Check the id or path.');
