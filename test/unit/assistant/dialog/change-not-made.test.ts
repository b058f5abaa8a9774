import { describe, expect, it } from 'vitest';
import { ChangeNotMade } from '../../../../src/assistant/dialog/change-not-made.js';
import { AppError } from '../../../../src/shared/errors.js';

describe('a change Exchange refused before acting', () => {
  const refused = new AppError('ErrorImpersonateUserDenied', 'The service account may not impersonate alice@contoso.com', 'Run New-ManagementRoleAssignment.', { nothingChanged: true });

  it('keeps the cause, its code and its fix, and says how to try again in the words of the channel', () => {
    const chat = new ChangeNotMade(refused);
    expect(chat.message).toBe('The service account may not impersonate alice@contoso.com. Nothing was changed, and the proposal still waits: say yes to try again.');
    expect([chat.code, chat.hint, chat.failure, chat.nothingChanged]).toEqual(['ErrorImpersonateUserDenied', 'Run New-ManagementRoleAssignment.', refused, true]);
    // The CLI keeps no conversation: there is no proposal to say yes to, only the command to run again.
    expect(new ChangeNotMade(refused, 'the same command with --yes tries again').message).toMatch(/Nothing was changed, and the same command with --yes tries again\.$/);
  });
});
