/** The Exchange Management Shell simulator: a PowerShell subset with the cmdlets of the admin guide. */
export { ManagementShell, type ShellOptions, type ShellResult } from './management-shell.js';
export { renderError, renderParseErrors, type ErrorCategory, type ScriptPosition, type ShellError } from './errors.js';
export { CMDLETS } from './cmdlets/registry.js';
export type { PromptFn } from './runtime.js';
