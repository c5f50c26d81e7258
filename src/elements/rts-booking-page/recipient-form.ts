/**
 * The booking page's recipient fields without DOM: which problem a value has under the link's
 * rule, the recipient object sent with a booking, and the server's 422 field errors as the same
 * problems.
 *
 * Contract: values are checked trimmed; a field the link turns `off` never has a problem and is
 * never sent; an empty optional field is left out of the recipient. Problems are kinds, not
 * text: the element words them in the visitor's locale.
 */
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
