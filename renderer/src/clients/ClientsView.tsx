import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type Client, clientLabel } from '../../../shared/clients/client';
import { matchesSearch } from '../../../shared/text';
import { call, messageOf } from '../api';
import { BackupReminder } from '../backup/BackupReminder';
import { Alert } from '../components/Alert';
import { OverdueDrafts } from '../notes/OverdueDrafts';
import type { Route } from '../route';
import { isMac, modLabel, useModShortcut } from '../shortcuts';
import { ClientDetail } from './ClientDetail';
import { ClientForm } from './ClientForm';
import { DEFAULT_CLIENT_TAB } from './clientTabs';

type ClientsRoute = Extract<Route, { view: 'clients' }>;

/** The client list (instant search, archived toggle) beside the selected client. */
export function ClientsView({ route, onNavigate }: { route: ClientsRoute; onNavigate: (route: Route) => void }) {
  const [clients, setClients] = useState<Client[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  /** Client rows the app cannot read: left out of the list, counted here, listed under Data health. */
  const [damaged, setDamaged] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);

  const reload = useCallback(async () => {
    try {
      setClients(await call('clients:list', { includeArchived: true }));
      setLoadError(null);
      // Only a count for the sidebar: a failed check leaves the list as it is.
      const health = await call('health:scan', { tables: ['clients'] }).catch(() => null);
      setDamaged(health?.records.length ?? 0);
    } catch (error) {
      setLoadError(messageOf(error));
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const visible = useMemo(
    () =>
      (clients ?? []).filter(
        (client) =>
          (showArchived || client.status === 'active') &&
          matchesSearch(`${client.displayName} ${client.preferredName}`, query),
      ),
    [clients, showArchived, query],
  );
  const selected = clients?.find((client) => client.id === route.clientId) ?? null;
  const archivedCount = (clients ?? []).filter((client) => client.status === 'archived').length;

  const open = (clientId: string | null, mode: ClientsRoute['mode'] = 'view') => {
    setNotice(null);
    onNavigate({ view: 'clients', clientId, mode });
  };
  useModShortcut('n', () => open(null, 'new'));
  useModShortcut('f', () => searchRef.current?.focus());

  async function saved(client: Client, wasNew: boolean) {
    await reload();
    setNotice(wasNew ? `${clientLabel(client)} was added.` : 'Changes saved.');
    onNavigate({ view: 'clients', clientId: client.id, mode: 'view' });
  }

  async function setArchived(client: Client, archived: boolean) {
    try {
      const updated = await call(archived ? 'clients:archive' : 'clients:restore', { id: client.id });
      await reload();
      setNotice(
        archived
          ? `${clientLabel(updated)} was archived. Their record is kept.`
          : `${clientLabel(updated)} is active again.`,
      );
    } catch (error) {
      setNotice(null);
      setLoadError(messageOf(error));
    }
  }

  return (
    <div className="clients-layout">
      {/* A named region, not an aside: it sits inside the main landmark. */}
      <section className="client-sidebar" aria-label="Clients">
        <div className="sidebar-tools">
          <label htmlFor="client-search" className="visually-hidden">
            Search clients
          </label>
          <input
            id="client-search"
            ref={searchRef}
            type="search"
            placeholder="Find by name"
            title={`Find a client (${modLabel()}F)`}
            aria-keyshortcuts={isMac() ? 'Meta+F' : 'Control+F'}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              const first = visible[0];
              if (event.key === 'Enter' && first) open(first.id);
              if (event.key === 'Escape') setQuery('');
            }}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <div className="sidebar-row">
          <label className="checkbox">
            <input type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />
            Show archived ({archivedCount})
          </label>
          <button
            type="button"
            className="primary"
            onClick={() => open(null, 'new')}
            title={`New client (${modLabel()}N)`}
          >
            New client
          </button>
        </div>
        {clients === null && !loadError && <p className="muted">Loading…</p>}
        {clients !== null && visible.length === 0 && (
          <p className="muted empty">
            {clients.length === 0 ? 'No clients yet. Add your first client with “New client”.' : 'No client matches.'}
          </p>
        )}
        {damaged > 0 && (
          <p className="muted small damaged-clients">
            {damaged === 1 ? '1 client record' : `${damaged} client records`} could not be read and{' '}
            {damaged === 1 ? 'is' : 'are'} not listed.{' '}
            <button type="button" className="link" onClick={() => onNavigate({ view: 'settings' })}>
              See Data health
            </button>
          </p>
        )}
        <ul className="client-list" aria-label="Client list">
          {visible.map((client) => (
            <li key={client.id}>
              <button
                type="button"
                className={client.id === route.clientId ? 'client-item selected' : 'client-item'}
                aria-current={client.id === route.clientId ? 'true' : undefined}
                onClick={() => open(client.id)}
              >
                <span className="client-name">{clientLabel(client)}</span>
                {client.status === 'archived' && <span className="badge">Archived</span>}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="client-main" aria-label="Client record">
        {loadError && <Alert kind="error">{loadError}</Alert>}
        {notice && <Alert kind="success">{notice}</Alert>}
        {route.mode === 'new' && (
          <ClientForm
            draftKey="new"
            client={null}
            onSaved={(client) => void saved(client, true)}
            onCancel={() => open(null)}
          />
        )}
        {route.mode === 'edit' && selected && (
          <ClientForm
            draftKey={selected.id}
            client={selected}
            onSaved={(client) => void saved(client, false)}
            onCancel={() => open(selected.id)}
          />
        )}
        {route.mode === 'view' && selected && (
          <ClientDetail
            client={selected}
            tab={route.tab ?? DEFAULT_CLIENT_TAB}
            onSelectTab={(tab) => onNavigate({ ...route, tab })}
            onEdit={() => open(selected.id, 'edit')}
            onArchive={() => void setArchived(selected, selected.status === 'active')}
            onOpenNote={(noteId) => onNavigate({ view: 'note', noteId, clientId: selected.id })}
            onPrint={(request) => onNavigate({ view: 'print', request, back: route })}
            onPrintSheets={(request) => onNavigate({ view: 'sheets', request, back: route })}
          />
        )}
        {route.mode === 'view' && !selected && clients !== null && (
          <>
            <BackupReminder onOpenSettings={() => onNavigate({ view: 'settings' })} />
            <OverdueDrafts onOpen={(note) => onNavigate({ view: 'note', noteId: note.id, clientId: note.clientId })} />
            <div className="placeholder">
              <h1 className="visually-hidden">Clients</h1>
              <p>Select a client on the left, or add a new one.</p>
              <p className="muted small">
                Shortcuts: {modLabel()}N new client · {modLabel()}F find a client · {modLabel()}K search everything ·{' '}
                {modLabel()}L lock
              </p>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
