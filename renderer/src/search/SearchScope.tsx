import type { Client } from '../../../shared/clients/client';

type Props = {
  clients: Client[];
  clientId: string;
  currentClient: Client | undefined;
  onScope: (clientId: string) => void;
};

/**
 * Says whose records are searched, always: a removable chip when scoped to one client,
 * otherwise a choice of client that reads "All clients", with a one-click scope to the
 * client on screen (issue 12: the scope used to be applied silently).
 */
export function SearchScope({ clients, clientId, currentClient, onScope }: Props) {
  const scopedClient = clients.find((client) => client.id === clientId);
  if (scopedClient) {
    return (
      <div className="field search-scope">
        <span className="label">Client</span>
        <button
          type="button"
          className="scope-chip"
          aria-label={`Remove filter: only ${scopedClient.displayName}`}
          title="Remove this filter (or Backspace in an empty search box)"
          onClick={() => onScope('')}
          onKeyDown={(event) => {
            // Like a tag in a search field: Delete or Backspace on the chip takes it off.
            if (event.key === 'Delete' || event.key === 'Backspace') {
              event.preventDefault();
              onScope('');
            }
          }}
        >
          Only {scopedClient.displayName}
          <span aria-hidden="true" className="scope-chip-x">
            ×
          </span>
        </button>
      </div>
    );
  }
  return (
    <div className="field search-scope">
      <label htmlFor="search-client">Client</label>
      <div className="scope-row">
        <select id="search-client" value="" onChange={(event) => onScope(event.target.value)}>
          <option value="">All clients</option>
          {clients.map((client) => (
            <option key={client.id} value={client.id}>
              {client.displayName}
            </option>
          ))}
        </select>
        {currentClient && (
          <button
            type="button"
            className="quiet scope-offer"
            title="Search only this client's records"
            onClick={() => onScope(currentClient.id)}
          >
            Only {currentClient.displayName}
          </button>
        )}
      </div>
    </div>
  );
}
