import { AppError } from '../../../shared/errors.js';

/**
 * Why the directory refused. Each code maps to the .NET exception Exchange raises for it, which the
 * shell shows in its CategoryInfo line (`ManagementObjectNotFoundException`, ...).
 */
export type DirectoryErrorCode =
  | 'NotFound'
  | 'Ambiguous'
  | 'AlreadyExists'
  | 'InvalidValue'
  | 'InUse'
  | 'NotSupported';

/** A refusal by the directory; `message` is worded as Exchange words it. */
export class DirectoryError extends AppError {
  declare readonly code: DirectoryErrorCode;

  constructor(code: DirectoryErrorCode, message: string, hint: string) {
    super(code, message, hint);
  }
}

/** Exchange's wording for an identity that matches nothing (ManagementObjectNotFoundException). */
export function notFound(identity: string, domainController: string, hint: string): DirectoryError {
  return new DirectoryError('NotFound', `The operation couldn't be performed because object '${identity}' couldn't be found on '${domainController}'.`, hint);
}

/** Exchange's wording for an identity that matches several objects (ManagementObjectAmbiguousException). */
export function ambiguous(identity: string, hint: string): DirectoryError {
  return new DirectoryError('Ambiguous', `The operation couldn't be performed because '${identity}' matches multiple entries.`, hint);
}
