import { describe, expect, it } from 'vitest';
import type { CommandAst, Expression, PipelineStatement, Statement } from '../../../../src/simulator/shell/ast.js';
import { ParseFailure } from '../../../../src/simulator/shell/errors.js';
import { parseScript } from '../../../../src/simulator/shell/parser.js';

const statements = (source: string): readonly Statement[] => parseScript(source).statements;
const command = (source: string, index = 0): CommandAst => {
  const first = statements(source)[index] as PipelineStatement;
  return first.elements[0] as CommandAst;
};
const parseErrors = (source: string) => {
  try {
    parseScript(source);
  } catch (err) {
    if (err instanceof ParseFailure) return err.errors.map((e) => ({ id: e.errorId, message: e.message, column: e.position?.column }));
    throw err;
  }
  throw new Error('parsed');
};

describe('command mode', () => {
  it('reads -Param value, -Param:value, -Param: value and switches, with any typographic dash', () => {
    const cmd = command('New-ManagementRoleAssignment –name:imp —Role ApplicationImpersonation ―User: svc -Verbose -x:$false');
    expect(cmd.name).toBe('New-ManagementRoleAssignment');
    expect(cmd.elements.map((e) => (e.kind === 'parameter' ? `-${e.name}${e.argument ? `:${(e.argument as { value?: unknown }).value ?? e.argument.kind}` : ''}` : `arg:${(e.value as { value?: unknown }).value}`))).toEqual([
      '-name:imp',
      '-Role',
      'arg:ApplicationImpersonation',
      '-User:svc',
      '-Verbose',
      '-x:variable',
    ]);
  });

  it('makes $var"text" one argument, and "text"word two', () => {
    const one = command('Add-MailboxFolderPermission -Identity $user":\\Calendar"');
    expect(one.elements).toHaveLength(2);
    expect((one.elements[1] as { value: Expression }).value.kind).toBe('concat');
    const two = command('Write-Output "a"b');
    expect(two.elements).toHaveLength(2);
  });

  it('keeps bare words with backslashes, colons and dots as one literal', () => {
    const cmd = command('Get-MailboxFolderPermission alice:\\Calendar');
    expect(cmd.elements[0]).toMatchObject({ kind: 'argument', bare: true, value: { kind: 'string', value: 'alice:\\Calendar' } });
  });

  it('reads commas as arrays and numbers as numbers', () => {
    const cmd = command('Select-Object Name, Alias -First 2');
    expect(cmd.elements[0]).toMatchObject({ value: { kind: 'array', items: [{ value: 'Name' }, { value: 'Alias' }] } });
    expect(cmd.elements[2]).toMatchObject({ value: { kind: 'number', value: 2 } });
  });

  it('keeps a script block\'s text for OPATH filters', () => {
    const cmd = command('New-ManagementScope -Name "S" -RecipientRestrictionFilter {RecipientTypeDetails -eq "UserMailbox"}');
    expect(cmd.elements[3]).toMatchObject({ value: { kind: 'scriptblock', text: 'RecipientTypeDetails -eq "UserMailbox"' } });
  });

  it('accepts typographic quotes as PowerShell does', () => {
    const cmd = command('Write-Output \u201CSend As\u201D \u2018x\u2019');
    expect(cmd.elements.map((e) => (e as { value: { value: string } }).value.value)).toEqual(['Send As', 'x']);
  });
});

describe('statements', () => {
  it('splits on newlines and semicolons, skips comments and joins backtick-continued lines', () => {
    const list = statements('Get-Mailbox # a comment\n<# block\ncomment #> Get-Mailbox alice; Get-Mailbox `\n  bob');
    expect(list).toHaveLength(3);
    expect(((list[2] as PipelineStatement).elements[0] as CommandAst).elements).toHaveLength(1);
  });

  it('recognises foreach and if in any case, but not ForEach-Object', () => {
    expect(statements('FOREACH ($u in $users) { $u }')[0]!.kind).toBe('foreach');
    expect(statements('If ($true) { 1 } ElseIf ($false) { 2 } Else { 3 }')[0]!.kind).toBe('if');
    expect(statements('ForEach-Object { $_ }')[0]!.kind).toBe('pipeline');
    expect((statements('$x | foreach { $_ }')[0] as PipelineStatement).elements[1]).toMatchObject({ kind: 'command', name: 'foreach' });
  });

  it('parses assignments of pipelines', () => {
    expect(statements('$users = Get-Mailbox | Select -ExpandProperty Name')[0]).toMatchObject({ kind: 'assignment', variable: 'users', value: { kind: 'pipeline' } });
  });
});

describe('parse errors', () => {
  it('reports the foreach written inside a command as PowerShell does', () => {
    expect(parseErrors('$a = 1 | Select x Foreach ($i in $a) { $i }')).toEqual([
      { id: 'UnexpectedToken', message: "Unexpected token 'in' in expression or statement.", column: 31 },
      { id: 'MissingEndParenthesisInExpression', message: "Missing closing ')' in expression.", column: 30 },
      { id: 'UnexpectedToken', message: "Unexpected token ')' in expression or statement.", column: 36 },
    ]);
  });

  it.each([
    ['Write-Output "abc', 'TerminatorExpectedAtEndOfString'],
    ['foreach $x in $y { }', 'MissingOpenParenthesisAfterKeyword'],
    ['foreach ($x of $y) { }', 'MissingInInForeach'],
    ['Get-Mailbox | ', 'EmptyPipeElement'],
    ['Get-Mailbox | $x', 'ExpressionsMustBeFirstInPipeline'],
    ['{ Get-Mailbox', 'MissingEndCurlyBrace'],
    ['$x -eq', 'ExpectedValueExpression'],
    ['Get-Mailbox > out.txt', 'NotSupported'],
    ['Get-Mailbox && Get-Mailbox', 'InvalidEndOfLine'],
    ['while ($true) { }', 'NotSupported'],
    ['$true = 1', 'VariableNotWritable'],
    ['Get-Mailbox )', 'UnexpectedToken'],
  ])('%s -> %s', (source, id) => {
    expect(parseErrors(source)[0]!.id).toBe(id);
  });
});
