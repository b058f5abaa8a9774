import { AppError } from '../shared/errors.js';

/** A mistake in how a command was called: shown with its hint, exit code 2. */
export class UsageError extends AppError {
  constructor(message: string, hint: string) {
    super('UsageError', message, hint);
  }
}
