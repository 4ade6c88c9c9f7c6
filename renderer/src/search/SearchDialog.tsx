import { useEffect, useId, useRef, useState } from 'react';
import type { Client } from '../../../shared/clients/client';
import type { SearchHit } from '../../../shared/notes/note';
import { call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { SearchScope } from './SearchScope';
import { Snippet } from './Snippet';
import './search.css';

type Props = {
  onClose: () => void;
  onOpenHit: (hit: SearchHit, query: string) => void;
  /** The client on screen: offered as a one-click scope, never applied silently (issue 12). */
  currentClientId?: string | undefined;
};

const kindLabel: Record<SearchHit['kind'], string> = { note: 'Note', addendum: 'Addendum', client: 'Client' };

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/**
 * Search everything (Ctrl/Cmd+K): notes, addenda and clients of every client unless a
 * visible chip scopes it, with date filters. Results update as you type; ↑/↓ choose,
 * Enter opens, one Escape closes and gives focus back to where it was.
 */
export function SearchDialog({ onClose, onOpenHit, currentClientId }: Props) {
  const titleId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // Opening a hit moves to another screen, which decides its own focus.
  const restoreFocus = useRef(true);
  const [query, setQuery] = useState('');
  const [clientId, setClientId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [clients, setClients] = useState<Client[]>([]);
  const [result, setResult] = useState<{ hits: SearchHit[]; ranked: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const dialog = dialogRef.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog?.showModal();
    // showModal() focuses the first control (Close); the therapist came here to type.
    inputRef.current?.focus();
    void call('clients:list', { includeArchived: true }).then(setClients, () => undefined);
    return () => {
      if (dialog?.open) dialog.close();
      if (restoreFocus.current && opener?.isConnected) opener.focus();
    };
  }, []);

  useEffect(() => {
    if (query.trim() === '') {
      setResult(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      call('search:query', {
        query,
        ...(clientId ? { clientId } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      }).then(
        (found) => {
          if (!current) return;
          setResult(found);
          setActive(0);
          setError(null);
        },
        (failure) => current && setError(messageOf(failure)),
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, clientId, from, to]);

  const hits = result?.hits ?? [];
  const currentClient = clients.find((client) => client.id === currentClientId);

  function openHit(hit: SearchHit) {
    restoreFocus.current = false;
    onOpenHit(hit, query);
  }
  function scopeTo(id: string) {
    setClientId(id);
    inputRef.current?.focus();
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      // A search box clears itself on the first Escape; here one Escape closes.
      event.preventDefault();
      onClose();
    } else if (event.key === 'Backspace' && query === '' && clientId) {
      event.preventDefault();
      scopeTo('');
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((index) => Math.min(index + 1, hits.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter' && hits[active]) {
      event.preventDefault();
      openHit(hits[active]);
    }
  }

  return (
    <dialog
      ref={dialogRef}
      className="search-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="search-head">
        <h2 id={titleId}>Search</h2>
        <button type="button" className="quiet" onClick={onClose} aria-label="Close search">
          Close
        </button>
      </div>
      <label htmlFor="search-query" className="visually-hidden">
        Search notes, addenda and clients
      </label>
      <input
        ref={inputRef}
        id="search-query"
        className="search-input"
        type="search"
        placeholder="Search notes, addenda and clients…"
        value={query}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
        aria-controls="search-results"
      />
      <div className="search-filters">
        <SearchScope clients={clients} clientId={clientId} currentClient={currentClient} onScope={scopeTo} />
        <div className="field">
          <label htmlFor="search-from">From</label>
          <input id="search-from" type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="search-to">To</label>
          <input id="search-to" type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        </div>
      </div>
      {error && <Alert kind="error">{error}</Alert>}
      {result && !result.ranked && (
        <p className="muted small">That term is in very many records: showing the newest first.</p>
      )}
      {result && hits.length === 0 && <p className="muted">Nothing found.</p>}
      <p className="visually-hidden" role="status">
        {result ? `${hits.length} ${hits.length === 1 ? 'result' : 'results'}` : ''}
      </p>
      <ul id="search-results" className="search-results" aria-label="Search results">
        {hits.map((hit, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one result list, replaced whole on each search
          <li key={`${hit.kind}-${hit.noteId ?? hit.clientId}-${index}`}>
            <button
              type="button"
              className={index === active ? 'search-hit active' : 'search-hit'}
              aria-current={index === active ? 'true' : undefined}
              onClick={() => openHit(hit)}
              onMouseEnter={() => setActive(index)}
            >
              <span className="hit-meta">
                <strong>{hit.clientName}</strong>
                <span>{kindLabel[hit.kind]}</span>
                {hit.templateName && <span>{hit.templateName}</span>}
                <span>{formatDate(hit.date)}</span>
              </span>
              <Snippet text={hit.snippet} />
            </button>
          </li>
        ))}
      </ul>
    </dialog>
  );
}
