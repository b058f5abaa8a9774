import type { Command } from 'commander';
import { analyze, type AnalyzeInput, type Step } from '../../connectivity/index.js';
import { AppError } from '../../shared/errors.js';
import { addExchangeOptions, parseUrl, readCa, readPassword, type ExchangeCliOptions } from '../exchange-options.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../usage-error.js';

interface AnalyzeCliOptions extends ExchangeCliOptions {
  readonly json?: boolean;
}

const MARK: Record<Step['status'], string> = { pass: '✔', warn: '⚠', fail: '✖', skip: '–' };

/** One step as a person reads it: mark, title, what was seen; the fix indented below. */
export function renderStep(step: Step): string {
  const lines = [`${MARK[step.status]} ${step.title}: ${step.detail}`];
  if (step.fix) {
    const [first = '', ...rest] = step.fix.split('\n');
    lines.push(`    fix: ${first}`, ...rest.map((l) => `         ${l}`));
  }
  return lines.join('\n');
}

export function renderSummary(steps: readonly Step[]): string {
  const count = (s: Step['status']) => steps.filter((x) => x.status === s).length;
  const [failed, warned, passed, skipped] = [count('fail'), count('warn'), count('pass'), count('skip')];
  if (failed === 0) return `Result: no check failed (${passed} passed${warned ? `, ${warned} with warnings` : ''}).`;
  return `Result: ${failed} failed, ${warned} warned, ${passed} passed, ${skipped} skipped.`;
}

/** The analyzer's raw inputs from the shared Exchange options; it builds its own clients. */
export function analyzeInput(o: ExchangeCliOptions): AnalyzeInput {
  if (o.serverVersion !== undefined) throw new UsageError('analyze does not take --server-version.', 'The analyzer finds the server version itself; drop the option.');
  const password = readPassword(o);
  const ca = readCa(o.ca);
  return { url: parseUrl(o.url), upn: o.upn, password, access: o.access, mailbox: o.mailbox, ...(ca !== undefined ? { ca } : {}) };
}

export function registerAnalyze(program: Command, io: CliIo): void {
  const cmd = addExchangeOptions(program.command('analyze').description('check the EWS URL, certificate, sign-in and calendar access step by step, with the fix for each problem (like Microsoft\'s Remote Connectivity Analyzer)'));
  cmd.options.find((opt) => opt.long === '--server-version')?.hideHelp();
  cmd.option('--json', 'print one JSON object { ok, steps } at the end instead of lines as the steps run').action(async (o: AnalyzeCliOptions) => {
    const input = analyzeInput(o);
    if (!o.json) io.out(`Analyzing ${input.url} as ${input.upn} (${input.access}), test mailbox ${input.mailbox}`);
    const result = await analyze(input, o.json ? {} : { onStep: (step) => io.out(renderStep(step)) });
    if (o.json) io.out(JSON.stringify({ ok: result.ok, steps: result.steps.map((s) => ({ id: s.id, title: s.title, status: s.status, detail: s.detail, fix: s.fix ?? null })) }, null, 2));
    else io.out(renderSummary(result.steps));
    if (!result.ok) {
      const failed = result.steps.filter((s) => s.status === 'fail').map((s) => s.id);
      throw new AppError('AnalyzeFailed', `The check${failed.length === 1 ? '' : 's'} ${failed.join(', ')} failed.`, 'Apply the fix shown under the failed step, then run concierge analyze again.');
    }
  });
}
