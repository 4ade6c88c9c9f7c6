import type { InstrumentDef } from '../../../shared/measures';

/**
 * What the form says about the instrument itself, apart from its items: a caveat when
 * items are paraphrased or their options unchecked, and the instrument's notice and
 * source (the citation behind its wording and scoring).
 */

/** Nothing when every item has its published wording and checked options. */
export function MeasureCaveat({ formId, def }: { formId: string; def: InstrumentDef }) {
  const paraphrased = def.items.some((item) => item.wording === 'paraphrase');
  const unverified = def.items.some((item) => item.optionsUnverified);
  if (!paraphrased && !unverified) return null;
  return (
    // Items marked as a paraphrase point here (aria-describedby in MeasureItem).
    <p className="measure-caveat" id={`${formId}-paraphrase`}>
      {paraphrased && (
        <>
          Items marked <span className="paraphrase-tag">paraphrase</span> are Sessionkeep’s short paraphrase of what the
          item asks, not the published wording: read those from the published form.
        </>
      )}
      {unverified && ' The answer options are still to be checked against the WHO manual.'}
    </p>
  );
}

/** The AUDIT-C's source shows in full; the others' fold away under "Source and scoring". */
export function MeasureSource({ def }: { def: InstrumentDef }) {
  return (
    <>
      {def.notice && <p className="measure-notice">{def.notice}</p>}
      {def.id === 'auditc' ? (
        <p className="measure-notice">Source: {def.source}</p>
      ) : (
        <details className="measure-source">
          <summary>Source and scoring</summary>
          <p className="measure-notice">{def.source}</p>
        </details>
      )}
    </>
  );
}
