/** The client's measures over time: a chart per instrument and a table. (To be built.) */
export function MeasuresTab({ clientId, archived }: { clientId: string; archived: boolean }) {
  return <section data-client={clientId} data-archived={archived} />;
}
