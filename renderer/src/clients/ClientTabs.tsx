import type { KeyboardEvent, ReactNode } from 'react';
import { CLIENT_TABS, type ClientTab, tabAfterKey } from './clientTabs';
import './clientTabs.css';

type Props = {
  active: ClientTab;
  onSelect: (tab: ClientTab) => void;
  /** Every panel stays mounted and is only hidden, so a half-typed form survives a tab switch. */
  panels: Record<ClientTab, ReactNode>;
};

export const clientTabId = (tab: ClientTab) => `client-tab-${tab}`;
const panelId = (tab: ClientTab) => `client-panel-${tab}`;

/** The client page's tabs (WAI-ARIA tabs: one tab stop, arrows move and show). */
export function ClientTabs({ active, onSelect, panels }: Props) {
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const current = CLIENT_TABS.findIndex((tab) => tab.id === active);
    const next = tabAfterKey(current, event.key, CLIENT_TABS.length);
    if (next === null) return;
    event.preventDefault();
    const tab = CLIENT_TABS[next]?.id;
    if (!tab) return;
    onSelect(tab);
    // Every tab is always drawn, so the one chosen can take the focus at once.
    document.getElementById(clientTabId(tab))?.focus();
  }

  return (
    <div className="client-tabs">
      <div role="tablist" aria-labelledby="client-title" className="client-tab-list" onKeyDown={onKeyDown}>
        {CLIENT_TABS.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={clientTabId(tab.id)}
            aria-selected={tab.id === active}
            aria-controls={panelId(tab.id)}
            tabIndex={tab.id === active ? 0 : -1}
            className="client-tab"
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {CLIENT_TABS.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={panelId(tab.id)}
          aria-labelledby={clientTabId(tab.id)}
          hidden={tab.id !== active}
          className="client-tab-panel"
        >
          {panels[tab.id]}
        </div>
      ))}
    </div>
  );
}
