/** Where the therapist is in the app. Only ids: it survives a lock without client details. */
export type Route = { view: 'clients'; clientId: string | null; mode: 'view' | 'edit' | 'new' } | { view: 'settings' };
