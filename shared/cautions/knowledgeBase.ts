/**
 * The caution knowledge base: substances, medications with their classes, and rules.
 * Versioned, with the date the content was last reviewed against
 * ../shared/reference/clinical-facts.md. Bump the version on any content change.
 */
import { medicationClasses, medications } from './medications';
import { conditionRules } from './rules/conditions';
import { pairRules } from './rules/pairs';
import { singleRules } from './rules/single';
import { sources } from './sources';
import { substances } from './substances';

export const knowledgeBase = {
  version: '1.0.0',
  /** ISO date the content was last checked against the reference file. */
  reviewed: '2026-11-25',
  substances,
  medications,
  medicationClasses,
  rules: [...singleRules, ...pairRules, ...conditionRules],
  sources,
} as const;
