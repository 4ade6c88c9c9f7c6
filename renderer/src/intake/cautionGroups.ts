import type { Caution, FactRef, Grade } from '../../../shared/cautions';
import { severityWords } from './describe';

/**
 * How a list of cautions is summed up and grouped on screen, as plain functions (no DOM,
 * no React), checked by a table of cases in tests/unit/cautionGroups.test.ts.
 */

const severityOrder = ['serious', 'caution', 'info'] as const;

/** "1 serious, 2 caution": the count of each severity present, most severe first. */
export function severityCounts(cautions: readonly Pick<Caution, 'severity'>[]): string[] {
  return severityOrder
    .map((severity) => [severity, cautions.filter((caution) => caution.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severityWords[severity].toLocaleLowerCase()}`);
}

/**
 * The cautions to discuss (serious and caution) apart from those for information only,
 * each group in the order given (the list comes most severe first).
 */
export function groupBySeverity<T extends Pick<Caution, 'severity'>>(
  cautions: readonly T[],
): { pressing: T[]; information: T[] } {
  return {
    pressing: cautions.filter((caution) => caution.severity !== 'info'),
    information: cautions.filter((caution) => caution.severity === 'info'),
  };
}

/** "1 fact" / "3 facts": how many of the caution's facts have this grade. */
export function factCount(facts: readonly Pick<FactRef, 'grade'>[], grade: Grade): string {
  const count = facts.filter((fact) => fact.grade === grade).length;
  return `${count} ${count === 1 ? 'fact' : 'facts'}`;
}
