/** What to print as client sheets: chosen assignments of one client, or a blank worksheet. */
export type SheetRequest =
  | { kind: 'assignments'; clientId: string; assignmentIds: string[] }
  | { kind: 'blank'; worksheetId: string };
