/**
 * The booking page's recipient fields without DOM: which problem a value has under the link's
 * rule, the recipient object sent with a booking, the server's 422 field errors as the same
 * problems, and a controller holding the form's state on the element.
 *
 * Contract: values are checked trimmed; a field the link turns `off` never has a problem and is
 * never sent; an empty optional field is left out of the recipient. Problems are kinds, not
 * text: the element words them in the visitor's locale.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiFieldErrors } from '../../core/types.js';
import type { RtsFieldName, RtsFieldRule, RtsRecipient } from '../../data/rts.js';

/** The recipient fields, in form order. */
export const FIELD_NAMES: readonly RtsFieldName[] = ['name', 'email', 'note'];

/** Maximum lengths the form accepts, in characters. */
export const FIELD_MAX_LENGTH: Readonly<Record<RtsFieldName, number>> = {
  name: 200,
  email: 254,
  note: 2000,
};

/** What is wrong with a field: empty but required, too long, not an email, or refused by the server. */
export type FieldProblem = 'required' | 'too_long' | 'email' | 'rejected';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The problem `value` has as field `name` under `rule`, or undefined. */
export function fieldProblem(
  name: RtsFieldName,
  rule: RtsFieldRule,
  value: string,
): FieldProblem | undefined {
  if (rule === 'off') return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return rule === 'required' ? 'required' : undefined;
  if (trimmed.length > FIELD_MAX_LENGTH[name]) return 'too_long';
  if (name === 'email' && !EMAIL.test(trimmed)) return 'email';
  return undefined;
}

/** The recipient as sent: the asked-for fields, trimmed, empty ones left out. */
export function recipientOf(
  rules: Readonly<Record<RtsFieldName, RtsFieldRule>>,
  values: Readonly<Record<RtsFieldName, string>>,
): RtsRecipient {
  const recipient: RtsRecipient = {};
  for (const name of FIELD_NAMES) {
    const value = values[name].trim();
    if (rules[name] !== 'off' && value !== '') recipient[name] = value;
  }
  return recipient;
}

/** The server's `recipient.*` field errors as problems by field; fields it did not name are absent. */
export function serverFieldProblems(
  errors: ApiFieldErrors | undefined,
): Partial<Record<RtsFieldName, FieldProblem>> {
  const problems: Partial<Record<RtsFieldName, FieldProblem>> = {};
  for (const [field, list] of Object.entries(errors ?? {})) {
    const name = field.replace(/^recipient\./, '') as RtsFieldName;
    if (!field.startsWith('recipient.') || !FIELD_NAMES.includes(name)) continue;
    const key = list[0]?.key;
    problems[name] =
      key === 'errors.required' ? 'required' : name === 'email' ? 'email' : 'rejected';
  }
  return problems;
}

/**
 * The recipient form's state on a host element: the typed values, which fields were visited,
 * whether a submit was tried, and the server's verdicts (each cleared when its field is edited).
 * A field's problem is shown once it was visited with a value, or after a submit attempt.
 */
export class RecipientFormController implements ReactiveController {
  /** What the recipient typed, kept across steps, conflicts and failures. */
  values: Record<RtsFieldName, string> = { name: '', email: '', note: '' };

  private visited = new Set<RtsFieldName>();
  private submitted = false;
  private server: Partial<Record<RtsFieldName, FieldProblem>> = {};

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly rules: () => Readonly<Record<RtsFieldName, RtsFieldRule>> | undefined,
  ) {
    host.addController(this);
  }

  /** Records a field's new value, dropping the server's verdict on the old one. */
  input(name: RtsFieldName, value: string): void {
    this.values = { ...this.values, [name]: value };
    delete this.server[name];
    this.host.requestUpdate();
  }

  /** Records that the recipient left a field holding a value. */
  leave(name: RtsFieldName): void {
    if (this.visited.has(name) || this.values[name] === '') return;
    this.visited.add(name);
    this.host.requestUpdate();
  }

  /** A submit attempt: every problem shows from now on; true when there is none. */
  submit(): boolean {
    this.submitted = true;
    this.host.requestUpdate();
    return FIELD_NAMES.every((name) => this.problem(name) === undefined);
  }

  /** The server refused fields: its verdicts show until the fields are edited. */
  reject(problems: Partial<Record<RtsFieldName, FieldProblem>>): void {
    this.server = { ...problems };
    this.submitted = true;
    this.host.requestUpdate();
  }

  /** A field's problem, the server's first, whether shown yet or not. */
  problem(name: RtsFieldName): FieldProblem | undefined {
    const rule = this.rules()?.[name] ?? 'off';
    if (rule === 'off') return undefined;
    return this.server[name] ?? fieldProblem(name, rule, this.values[name]);
  }

  /** A field's problem when it is to be shown. */
  shownProblem(name: RtsFieldName): FieldProblem | undefined {
    return this.submitted || this.visited.has(name) ? this.problem(name) : undefined;
  }

  /** The recipient to send. */
  recipient(): RtsRecipient {
    const rules = this.rules();
    return rules ? recipientOf(rules, this.values) : {};
  }

  hostConnected(): void {}
}
