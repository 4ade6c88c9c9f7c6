import type { Severity } from '../../../shared/cautions';
import { severityWords } from './describe';

/**
 * The severity as a shape as well as a word and a colour: a triangle for serious, a
 * diamond for caution, a circle for information. Decorative: the word beside it is read.
 */
export function SeverityIcon({ severity }: { severity: Severity }) {
  return (
    <svg className={`severity-icon sev-${severity}`} viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
      {severity === 'serious' && (
        <>
          <path d="M10 1.5 19 18H1Z" className="shape" />
          <path d="M10 7v5" className="mark" />
          <circle cx="10" cy="15" r="1.1" className="dot" />
        </>
      )}
      {severity === 'caution' && (
        <>
          <path d="M10 1 19 10 10 19 1 10Z" className="shape" />
          <path d="M10 5.5v5.5" className="mark" />
          <circle cx="10" cy="14" r="1.1" className="dot" />
        </>
      )}
      {severity === 'info' && (
        <>
          <circle cx="10" cy="10" r="9" className="shape" />
          <circle cx="10" cy="5.8" r="1.1" className="dot" />
          <path d="M10 9v6" className="mark" />
        </>
      )}
    </svg>
  );
}

export function SeverityLabel({ severity }: { severity: Severity }) {
  return (
    <span className={`severity-label sev-${severity}`}>
      <SeverityIcon severity={severity} />
      {severityWords[severity]}
    </span>
  );
}
