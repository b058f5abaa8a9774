/**
 * The syntax tree of the PowerShell subset. Every node keeps its source extent (offsets into the
 * script) so errors can point at `At line:1 char:N` the way PowerShell does.
 */

export interface Extent {
  readonly start: number;
  readonly end: number;
}

export type Statement = PipelineStatement | AssignmentStatement | ForeachStatement | IfStatement;

export interface PipelineStatement {
  readonly kind: 'pipeline';
  readonly elements: readonly PipelineElement[];
  readonly extent: Extent;
}

export interface AssignmentStatement {
  readonly kind: 'assignment';
  readonly variable: string;
  /** `=` or `+=`. */
  readonly operator: '=' | '+=';
  readonly value: Statement;
  readonly extent: Extent;
}

export interface ForeachStatement {
  readonly kind: 'foreach';
  readonly variable: string;
  readonly collection: PipelineStatement;
  readonly body: readonly Statement[];
  readonly extent: Extent;
}

export interface IfStatement {
  readonly kind: 'if';
  readonly clauses: readonly { readonly condition: PipelineStatement; readonly body: readonly Statement[] }[];
  readonly elseBody?: readonly Statement[];
  readonly extent: Extent;
}

export type PipelineElement = CommandAst | ExpressionElement;

export interface CommandAst {
  readonly kind: 'command';
  readonly name: string;
  readonly elements: readonly CommandElement[];
  readonly extent: Extent;
}

export interface ExpressionElement {
  readonly kind: 'expression';
  readonly expression: Expression;
  readonly extent: Extent;
}

export type CommandElement = ParameterElement | ArgumentElement;

export interface ParameterElement {
  readonly kind: 'parameter';
  /** As typed, without the dash: `user`, `Extendedrights`. */
  readonly name: string;
  /** `-Name:value` or `-Name: value`: the value is bound to this parameter whatever it is. */
  readonly argument?: Expression;
  readonly extent: Extent;
}

export interface ArgumentElement {
  readonly kind: 'argument';
  readonly value: Expression;
  /** True for a plain bare word (no quotes, variables or parentheses), the kind `Alexa for Business` makes. */
  readonly bare: boolean;
  readonly extent: Extent;
}

export type ExpandPart = string | Expression;

export type Expression =
  | { readonly kind: 'string'; readonly value: string; readonly extent: Extent }
  | { readonly kind: 'expandable'; readonly parts: readonly ExpandPart[]; readonly extent: Extent }
  | { readonly kind: 'number'; readonly value: number; readonly extent: Extent }
  | { readonly kind: 'variable'; readonly name: string; readonly extent: Extent }
  | { readonly kind: 'member'; readonly target: Expression; readonly member: string; readonly extent: Extent }
  | { readonly kind: 'invoke'; readonly target: Expression; readonly method: string; readonly args: readonly Expression[]; readonly extent: Extent }
  | { readonly kind: 'index'; readonly target: Expression; readonly index: Expression; readonly extent: Extent }
  | { readonly kind: 'binary'; readonly operator: string; readonly left: Expression; readonly right: Expression; readonly extent: Extent }
  | { readonly kind: 'unary'; readonly operator: 'not' | 'negate'; readonly operand: Expression; readonly extent: Extent }
  | { readonly kind: 'array'; readonly items: readonly Expression[]; readonly extent: Extent }
  | { readonly kind: 'subexpression'; readonly statements: readonly Statement[]; readonly array: boolean; readonly extent: Extent }
  | { readonly kind: 'paren'; readonly pipeline: Statement; readonly extent: Extent }
  | { readonly kind: 'scriptblock'; readonly text: string; readonly body: readonly Statement[]; readonly extent: Extent }
  | { readonly kind: 'hashtable'; readonly entries: readonly { readonly key: string; readonly value: Expression }[]; readonly extent: Extent }
  /** A command-mode argument made of adjacent parts, e.g. `$user":\Calendar"`: one string. */
  | { readonly kind: 'concat'; readonly parts: readonly Expression[]; readonly extent: Extent }
  /** Stands in for an expression the parser could not read (the script will not run). */
  | { readonly kind: 'error'; readonly extent: Extent };

export interface Script {
  readonly source: string;
  readonly statements: readonly Statement[];
}
