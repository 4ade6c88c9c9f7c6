import { useState } from 'react';
import type { SearchHit } from '../../../shared/notes/note';
import { ClientsView } from '../clients/ClientsView';
import { ScreenErrorBoundary } from '../components/ScreenErrorBoundary';
import { NoteEditor } from '../notes/NoteEditor';
import { flushOpenNotes } from '../notes/openNotes';
import { PrintView } from '../print/PrintView';
import type { Route } from '../route';
import { SearchDialog } from '../search/SearchDialog';
import { SettingsView } from '../settings/SettingsView';
import { isMac, modLabel, useModShortcut } from '../shortcuts';
import { PrintSheets } from '../worksheets/PrintSheets';
import { WorksheetLibrary } from '../worksheets/WorksheetLibrary';

type Props = { route: Route; onNavigate: (route: Route) => void; onLock: () => void };

/** The unlocked app: a top bar (sections, lock) and the current section. */
export function Workspace({ route, onNavigate, onLock }: Props) {
  const [searching, setSearching] = useState(false);
  useModShortcut('k', () => setSearching(true));

  function openHit(hit: SearchHit, query: string) {
    setSearching(false);
    if (hit.noteId) onNavigate({ view: 'note', noteId: hit.noteId, clientId: hit.clientId, find: query });
    else onNavigate({ view: 'clients', clientId: hit.clientId, mode: 'view' });
  }

  // Which screen is on show, for the error boundary: going elsewhere tries afresh.
  const screenKey = JSON.stringify(route);
  if (route.view === 'print') {
    return (
      <ScreenErrorBoundary resetKey={screenKey}>
        <PrintView request={route.request} onBack={() => onNavigate(route.back)} />
      </ScreenErrorBoundary>
    );
  }
  if (route.view === 'sheets') {
    return (
      <ScreenErrorBoundary resetKey={screenKey}>
        <PrintSheets request={route.request} onBack={() => onNavigate(route.back)} />
      </ScreenErrorBoundary>
    );
  }

  return (
    <div className="workspace">
      <header className="topbar">
        <span className="brand">Sessionkeep</span>
        <nav aria-label="Sections">
          <button
            type="button"
            className={route.view === 'clients' || route.view === 'note' ? 'tab active' : 'tab'}
            aria-current={route.view === 'clients' || route.view === 'note' ? 'page' : undefined}
            onClick={() =>
              onNavigate({ view: 'clients', clientId: route.view === 'note' ? route.clientId : null, mode: 'view' })
            }
          >
            Clients
          </button>
          <button
            type="button"
            className={route.view === 'worksheets' ? 'tab active' : 'tab'}
            aria-current={route.view === 'worksheets' ? 'page' : undefined}
            onClick={() => onNavigate({ view: 'worksheets' })}
          >
            Worksheets
          </button>
          <button
            type="button"
            className={route.view === 'settings' ? 'tab active' : 'tab'}
            aria-current={route.view === 'settings' ? 'page' : undefined}
            onClick={() => onNavigate({ view: 'settings' })}
          >
            Settings
          </button>
        </nav>
        <button
          type="button"
          className="search-button"
          onClick={() => setSearching(true)}
          aria-keyshortcuts={isMac() ? 'Meta+K' : 'Control+K'}
          title={`Search everything (${modLabel()}K)`}
        >
          Search <kbd>{modLabel()}K</kbd>
        </button>
        <button
          type="button"
          className="lock-button"
          // An open note saves what was just typed before the vault closes.
          onClick={() => void flushOpenNotes().finally(onLock)}
          aria-keyshortcuts={isMac() ? 'Meta+L' : 'Control+L'}
          title={`Lock now (${modLabel()}L)`}
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
            <path d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 0 0-4 0v2z" fill="currentColor" />
          </svg>
          Lock <kbd>{modLabel()}L</kbd>
        </button>
      </header>
      {/* One main landmark for whichever section is open (axe: landmark-one-main). */}
      <main className="workspace-main">
        <ScreenErrorBoundary resetKey={screenKey}>
          {route.view === 'clients' && <ClientsView route={route} onNavigate={onNavigate} />}
          {route.view === 'note' && (
            <NoteEditor
              key={route.noteId}
              noteId={route.noteId}
              clientId={route.clientId}
              find={route.find}
              onNavigate={onNavigate}
            />
          )}
          {route.view === 'worksheets' && (
            <WorksheetLibrary
              onPrintBlank={(worksheetId) =>
                onNavigate({ view: 'sheets', request: { kind: 'blank', worksheetId }, back: { view: 'worksheets' } })
              }
            />
          )}
          {route.view === 'settings' && <SettingsView />}
        </ScreenErrorBoundary>
      </main>
      {searching && (
        <SearchDialog
          onClose={() => setSearching(false)}
          onOpenHit={openHit}
          currentClientId={
            route.view === 'note' || route.view === 'clients' ? (route.clientId ?? undefined) : undefined
          }
        />
      )}
    </div>
  );
}
