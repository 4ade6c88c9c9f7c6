import { ClientsView } from '../clients/ClientsView';
import type { Route } from '../route';
import { SettingsView } from '../settings/SettingsView';
import { isMac, modLabel } from '../shortcuts';

type Props = { route: Route; onNavigate: (route: Route) => void; onLock: () => void };

/** The unlocked app: a top bar (sections, lock) and the current section. */
export function Workspace({ route, onNavigate, onLock }: Props) {
  return (
    <div className="workspace">
      <header className="topbar">
        <span className="brand">Sessionkeep</span>
        <nav aria-label="Sections">
          <button
            type="button"
            className={route.view === 'clients' ? 'tab active' : 'tab'}
            aria-current={route.view === 'clients' ? 'page' : undefined}
            onClick={() => onNavigate({ view: 'clients', clientId: null, mode: 'view' })}
          >
            Clients
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
          className="lock-button"
          onClick={onLock}
          aria-keyshortcuts={isMac() ? 'Meta+L' : 'Control+L'}
          title={`Lock now (${modLabel()}L)`}
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
            <path d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 0 0-4 0v2z" fill="currentColor" />
          </svg>
          Lock <kbd>{modLabel()}L</kbd>
        </button>
      </header>
      {route.view === 'clients' ? <ClientsView route={route} onNavigate={onNavigate} /> : <SettingsView />}
    </div>
  );
}
