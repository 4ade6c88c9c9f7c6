import { Fragment } from 'react';
import { knowledgeBase } from '../../../shared/cautions';
import { formatDay } from '../homework/dates';
import { DISCLAIMER } from './KbNote';
import './intake.css';

/** Settings → About: the app, the caution knowledge base's version, review date and size, and the disclaimer. */
export function AboutKnowledgeBase() {
  const counts: [string, number][] = [
    ['Substances and supplements', knowledgeBase.substances.length],
    ['Medications', knowledgeBase.medications.length],
    ['Caution rules', knowledgeBase.rules.length],
    ['Sources cited', Object.keys(knowledgeBase.sources).length],
  ];
  return (
    <section className="card about-kb" aria-labelledby="about-title">
      <h2 id="about-title">About</h2>
      <p>
        <strong>Sessionkeep</strong>: session notes, homework and intake records for CBT therapists, kept offline and
        encrypted.
      </p>
      <dl>
        <dt>Caution knowledge base</dt>
        <dd>Version {knowledgeBase.version}</dd>
        <dt>Last reviewed</dt>
        <dd>{formatDay(knowledgeBase.reviewed)}</dd>
        {counts.map(([label, count]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{count}</dd>
          </Fragment>
        ))}
      </dl>
      <p className="hint">
        The cautions cite their sources and grade each fact: A agency or regulator, P peer-reviewed, S secondary, U
        unconfirmed.
      </p>
      <p className="about-disclaimer" role="note">
        {DISCLAIMER}
      </p>
    </section>
  );
}
