import { AppError } from '../../shared/errors.js';

/**
 * A "yes" whose change failed before Exchange acted on it (refused, busy, unreachable): the proposal is
 * put back, so the same "yes" can be said again once the cause is mended. Carries the failure's code and
 * fix; `cause` is the failure itself, for whoever maps it to a status or to speech.
 */
export class ChangeNotMade extends AppError {
  /** `again`: how this channel tries again (the CLI keeps no conversation: "run again with --yes"). */
  constructor(readonly failure: AppError, again = 'the proposal still waits: say yes to try again') {
    super(failure.code, `${failure.message.replace(/\.?$/, '.')} Nothing was changed, and ${again}.`, failure.hint, { cause: failure, nothingChanged: true });
  }
}
