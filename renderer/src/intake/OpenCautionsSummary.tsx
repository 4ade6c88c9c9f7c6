/** One line on the client's overview: open serious cautions. (To be built.) */
export function OpenCautionsSummary({ clientId }: { clientId: string }) {
  return <p hidden data-client={clientId} />;
}
