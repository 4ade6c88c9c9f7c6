/** The client's intake: substances, supplements and medications, with cautions. (To be built.) */
export function IntakeTab({ clientId, archived }: { clientId: string; archived: boolean }) {
  return <section data-client={clientId} data-archived={archived} />;
}
