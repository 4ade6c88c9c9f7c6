import { birpTemplate } from './builtins/birp';
import { cbtSessionTemplate } from './builtins/cbtSession';
import { dapTemplate } from './builtins/dap';
import { girpTemplate } from './builtins/girp';
import { intakeAssessmentTemplate } from './builtins/intakeAssessment';
import { psychotherapyNoteTemplate } from './builtins/psychotherapyNote';
import { soapTemplate } from './builtins/soap';
import type { TemplateDef } from './types';

/**
 * The templates that ship with Sessionkeep, in the order the template picker lists them.
 * They are frozen: a note keeps its own copy of the template it was written with, and a
 * custom template starts from a copy, so nothing should ever change these in place (an
 * attempt throws in strict mode instead of silently altering every later note).
 */
export const builtInTemplates: readonly TemplateDef[] = deepFreeze([
  cbtSessionTemplate(),
  soapTemplate(),
  dapTemplate(),
  birpTemplate(),
  girpTemplate(),
  intakeAssessmentTemplate(),
  psychotherapyNoteTemplate(),
]);

export function findBuiltInTemplate(id: string): TemplateDef | undefined {
  return builtInTemplates.find((template) => template.id === id);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
