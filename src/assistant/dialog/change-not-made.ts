import { AppError } from '../../shared/errors.js';

/**
 * A "yes" whose change failed before Exchange acted on it (refused, busy, unreachable): the proposal is
 * put back, so the same "yes" can be said again once the cause is mended. Carries the failure's code and
 * fix; `cause` is the failure itself, for whoever maps it to a status or to speech.
 */
export class ChangeNotMade extends AppError {
  constructor(readonly failure: AppError) {
    super(failure.code, `${failure.message.replace(/\.?$/, '.')} Nothing was changed, and the proposal still waits: say yes to try again.`, failure.hint, { cause: failure, nothingChanged: true });
  }
}
