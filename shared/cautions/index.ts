/** Substance and medication cautions: knowledge base, name resolution and the engine. */
export { evaluateIntake, resolveName, UNKNOWN_NAME_CAUTION_ID } from './engine';
export { knowledgeBase } from './knowledgeBase';
export { foldName } from './normalize';
export type {
  Caution,
  ConditionKey,
  FactRef,
  Grade,
  IntakeContext,
  IntakeInput,
  KbEntry,
  MedicationClass,
  ResolvedEntry,
  Rule,
  RuleTrigger,
  Severity,
  Source,
} from './types';
