/**
 * The notes part of `npm run bench`: a synthetic vault of N notes (default 20,000,
 * ~400 words each) over 200 clients, built in the encrypted vault and in a plain
 * SQLite file through the same service functions; then autosave commit latency,
 * search latency (rare / common / very common terms, with snippets) and the time to
 * open a client with its notes.
 */

import { createClient, getClient } from '../../electron/core/clients/clientRepository';
import type { VaultDb } from '../../electron/core/db/database';
import { listNotesForClient } from '../../electron/core/notes/noteRepository';
import { createNote, loadNote, saveDraft } from '../../electron/core/notes/noteService';
import { search } from '../../electron/core/search/searchIndex';
import { clientInputSchema } from '../../shared/clients/client';
import type { RichTextDoc } from '../../shared/templates/types';

export const NOTE_COUNT = Number(process.env.BENCH_NOTES ?? 20_000);
const CLIENT_COUNT = 200;
const WORDS_PER_NOTE = 400;

/** A small deterministic PRNG so both databases get identical content. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const BASE_WORDS =
  'mood sleep worry thought feeling anxious low energy work family partner avoid plan exposure belief evidence alternative homework session agenda review week panic breathing activity rumination guilt anger motivation appetite concentration'.split(
    ' ',
  );
/** ~3,000 made-up words plus clinical ones, drawn with a Zipf-like skew. */
function vocabulary(): string[] {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'be', 'da', 'fe', 'go'];
  const words = [...BASE_WORDS];
  for (let i = 0; words.length < 3_000; i++) {
    words.push(`${syllables[i % 12]}${syllables[Math.floor(i / 12) % 12]}${syllables[Math.floor(i / 144) % 12]}n`);
  }
  return words;
}

export const TERMS = {
  /** In 10 notes. */
  rare: 'zephyrine',
  /** In ~5% of notes. */
  common: 'marmalade',
  /** In every note (the template's own words), > 60 %. */
  veryCommon: 'session',
};

function noteBody(index: number, next: () => number, words: string[]): string {
  const out: string[] = [];
  for (let i = 0; i < WORDS_PER_NOTE; i++) out.push(words[Math.floor(words.length * next() ** 3)] as string);
  // Not in notes 200–399, which the autosave benchmark rewrites.
  if (index % 2_000 === 1_999) out.push(TERMS.rare);
  if (index % 20 === 0) out.push(TERMS.common);
  out.push(TERMS.veryCommon);
  return out.join(' ');
}

const doc = (text: string): RichTextDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** Fills a vault database with clients and notes; returns the client ids and 200 notes to autosave into. */
export function buildSyntheticVault(db: VaultDb): { clientIds: string[]; noteIds: string[] } {
  const next = random(42);
  const words = vocabulary();
  const clientIds: string[] = [];
  const noteIds: string[] = [];
  let when = Date.parse('2016-01-04T09:00:00Z');
  for (let c = 0; c < CLIENT_COUNT; c++) {
    const client = createClient(
      db,
      clientInputSchema.parse({
        displayName: `Client ${c}`,
        preferredName: '',
        pronouns: '',
        dateOfBirth: '',
        phone: '',
        email: '',
        emergencyContactName: '',
        emergencyContactPhone: '',
        presentingConcerns: 'Low mood.',
        diagnosis: '',
        diagnosisCode: '',
      }),
    );
    clientIds.push(client.id);
  }
  for (let n = 0; n < NOTE_COUNT; n++) {
    // The first client has 200 notes (the "open a client with 200 notes" figure);
    // the rest are spread over the other 199.
    const clientId = (n < 200 ? clientIds[0] : clientIds[1 + (n % (CLIENT_COUNT - 1))]) as string;
    when += 3_600_000;
    const now = new Date(when);
    const note = createNote(db, { clientId, templateId: 'cbt-session' }, now);
    saveDraft(db, note.id, { summary: doc(noteBody(n, next, words)) }, now);
    if (n >= 200 && noteIds.length < 200) noteIds.push(note.id);
  }
  return { clientIds, noteIds };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** One autosave (a changed field, as the editor sends it) per call, timed. */
export function autosaveLatencies(db: VaultDb, noteIds: string[], count: number): number[] {
  const times: number[] = [];
  let when = Date.parse('2030-01-01T09:00:00Z');
  for (let i = 0; i < count; i++) {
    const id = noteIds[i % noteIds.length] as string;
    when += 1_000;
    const start = performance.now();
    saveDraft(db, id, { summary: doc(`Typed during the session, save ${i}. `.repeat(20)) }, new Date(when));
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * Autosaves due every `intervalMs` while `task` runs (a verified backup), each timed from
 * when it was due to when it was stored: the wait a therapist's typing sees. A save that
 * falls due while the thread is busy waits until it is free, as the window's would.
 */
export async function autosaveLatenciesDuring(
  db: VaultDb,
  noteIds: string[],
  task: () => Promise<unknown>,
  intervalMs = 50,
): Promise<number[]> {
  const times: number[] = [];
  const started = performance.now();
  let served = 0;
  let when = Date.parse('2031-01-01T09:00:00Z');
  const serveDue = () => {
    const now = performance.now();
    while (started + (served + 1) * intervalMs <= now) {
      served += 1;
      const due = started + served * intervalMs;
      const id = noteIds[served % noteIds.length] as string;
      when += 1_000;
      saveDraft(db, id, { summary: doc(`Typed while a backup runs, save ${served}. `.repeat(20)) }, new Date(when));
      times.push(performance.now() - due);
    }
  };
  const timer = setInterval(serveDue, intervalMs);
  try {
    await task();
  } finally {
    clearInterval(timer);
  }
  serveDue();
  return times;
}

export function searchLatencies(
  db: VaultDb,
  term: string,
  runs: number,
): { times: number[]; hits: number; ranked: boolean } {
  const times: number[] = [];
  let hits = 0;
  let ranked = true;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = search(db, `${term} `);
    times.push(performance.now() - start);
    hits = result.hits.length;
    ranked = result.ranked;
  }
  return { times, hits, ranked };
}

/** Opening a client: the record, the list of notes, and the newest note in full. */
export function openClientLatencies(db: VaultDb, clientId: string, runs: number): { times: number[]; notes: number } {
  const times: number[] = [];
  let notes = 0;
  for (let i = 0; i < runs; i++) {
    const id = clientId;
    const start = performance.now();
    getClient(db, id);
    const list = listNotesForClient(db, id);
    if (list[0]) loadNote(db, list[0].id);
    times.push(performance.now() - start);
    notes = list.length;
  }
  return { times, notes };
}
