import type { ClientTab } from './clients/clientTabs';
import type { PrintRequest } from './print/PrintView';
import type { SheetRequest } from './worksheets/sheetRequest';

/** Where the therapist is in the app. Only ids: it survives a lock without client details. */
export type Route =
  | { view: 'clients'; clientId: string | null; mode: 'view' | 'edit' | 'new'; tab?: ClientTab }
  | { view: 'note'; noteId: string; clientId: string /** Text to find and show (from search). */; find?: string }
  | { view: 'print'; request: PrintRequest; back: Exclude<Route, { view: 'print' | 'sheets' }> }
  | { view: 'sheets'; request: SheetRequest; back: Exclude<Route, { view: 'print' | 'sheets' }> }
  | { view: 'worksheets' }
  | { view: 'settings' };
