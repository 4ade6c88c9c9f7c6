import { type SearchHit, SNIPPET_CLOSE, SNIPPET_OPEN, searchHitSchema } from '../../../shared/notes/note';
import type { VaultDb } from '../db/database';
import { toFtsQuery } from './ftsQuery';

export type SearchDocument = {
  refId: string;
  kind: SearchHit['kind'];
  clientId: string;
  noteId: string | null;
  /** ISO date or date-time the result is shown (and filtered) by. */
  date: string;
  body: string;
};

/** Adds or replaces one document in the full-text index (inside the encrypted vault). */
export function indexDocument(db: VaultDb, doc: SearchDocument): void {
  const existing = db.prepare('SELECT rowid FROM search_docs WHERE ref_id = ?').get(doc.refId) as
    | { rowid: number }
    | undefined;
  if (existing) {
    db.prepare('UPDATE search_docs SET date = ?, client_id = ? WHERE rowid = ?').run(
      doc.date,
      doc.clientId,
      existing.rowid,
    );
    db.prepare('DELETE FROM search_index WHERE rowid = ?').run(existing.rowid);
    db.prepare('INSERT INTO search_index (rowid, body) VALUES (?, ?)').run(existing.rowid, doc.body);
    return;
  }
  const { lastInsertRowid } = db
    .prepare('INSERT INTO search_docs (ref_id, kind, client_id, note_id, date) VALUES (?, ?, ?, ?, ?)')
    .run(doc.refId, doc.kind, doc.clientId, doc.noteId, doc.date);
  db.prepare('INSERT INTO search_index (rowid, body) VALUES (?, ?)').run(lastInsertRowid, doc.body);
}

export type SearchFilters = { clientId?: string | undefined; from?: string | undefined; to?: string | undefined };

/** Above this many hits, bm25 ranking (which scores every hit) gives way to recency. */
export const RANKED_HIT_LIMIT = 2_000;
export const RESULT_LIMIT = 50;

type HitRow = {
  kind: SearchHit['kind'];
  note_id: string | null;
  client_id: string;
  client_name: string | null;
  template_name: string | null;
  date: string;
  snippet: string;
};

/**
 * Full-text search over notes, addenda and clients. Relevance ranking while the hit
 * count is modest; for very common terms, newest first (bm25 would have to score
 * every hit). Never throws for what a user types: the query is built by toFtsQuery.
 */
export function search(db: VaultDb, text: string, filters: SearchFilters = {}): { hits: SearchHit[]; ranked: boolean } {
  const query = toFtsQuery(text);
  if (!query) return { hits: [], ranked: false };
  const params = {
    query,
    clientId: filters.clientId ?? null,
    from: filters.from ?? null,
    // A date-only upper bound includes the whole day.
    to: filters.to ? `${filters.to}\uffff` : null,
  };
  const where = `search_index MATCH @query
      AND (@clientId IS NULL OR d.client_id = @clientId)
      AND (@from IS NULL OR d.date >= @from)
      AND (@to IS NULL OR d.date <= @to)`;
  const count = (
    db
      .prepare(
        `SELECT count(*) AS n FROM (SELECT 1 FROM search_index JOIN search_docs d ON d.rowid = search_index.rowid
         WHERE ${where} LIMIT ${RANKED_HIT_LIMIT + 1})`,
      )
      .get(params) as { n: number }
  ).n;
  const ranked = count <= RANKED_HIT_LIMIT;
  const rows = db
    .prepare(
      `SELECT d.kind, d.note_id, d.client_id, d.date, n.template_name,
              CASE WHEN octet_length(c.display_name) <= 1000 THEN c.display_name END AS client_name,
              snippet(search_index, 0, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '…', 16) AS snippet
       FROM search_index
       JOIN search_docs d ON d.rowid = search_index.rowid
       JOIN clients c ON c.id = d.client_id
       LEFT JOIN notes n ON n.id = d.note_id
       WHERE ${where}
       ORDER BY ${ranked ? 'search_index.rank' : 'search_index.rowid DESC'}
       LIMIT ${RESULT_LIMIT}`,
    )
    .all(params) as HitRow[];
  // A hit on a damaged row (a client id that is not a UUID, a huge name) is left out:
  // Settings → Data health lists that row, and the other hits still show.
  const hits = rows
    .map((row) => ({
      kind: row.kind,
      noteId: row.note_id,
      clientId: row.client_id,
      clientName: row.client_name,
      templateName: row.template_name,
      date: row.date,
      snippet: row.snippet,
    }))
    .filter((hit): hit is SearchHit => searchHitSchema.safeParse(hit).success);
  return { ranked, hits };
}

/** A client's name, contact-free details and concerns, so a search for a name finds them. */
export function indexClient(
  db: VaultDb,
  client: {
    id: string;
    displayName: string;
    preferredName: string;
    presentingConcerns: string;
    diagnosis: string;
    createdAt: string;
  },
): void {
  indexDocument(db, {
    refId: client.id,
    kind: 'client',
    clientId: client.id,
    noteId: null,
    date: client.createdAt,
    body: [client.displayName, client.preferredName, client.presentingConcerns, client.diagnosis]
      .filter(Boolean)
      .join('\n'),
  });
}
