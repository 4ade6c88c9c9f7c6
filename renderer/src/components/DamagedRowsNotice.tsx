import { useEffect, useState } from 'react';
import type { HealthTable } from '../../../shared/ipc/contract';
import { call } from '../api';
import { Alert } from './Alert';

/**
 * "N records could not be read and are not shown" under a client's tab (issue 11): the
 * tab's list leaves damaged rows out; this counts this client's, as Data health judges
 * them. `readAgain` is the tab's list: a new read of the list counts again.
 */
export function DamagedRowsNotice({
  clientId,
  tables,
  readAgain,
}: {
  clientId: string;
  tables: readonly HealthTable[];
  readAgain: unknown;
}) {
  const [count, setCount] = useState(0);
  const key = tables.join(',');
  useEffect(() => {
    let live = true;
    // readAgain: count again whenever the tab's list was read again.
    void readAgain;
    // Only a count beside the list: a failed check leaves the tab as it is.
    call('health:scan', { tables: key.split(',') as HealthTable[], clientId })
      .then((scan) => live && setCount(scan.records.length))
      .catch(() => live && setCount(0));
    return () => {
      live = false;
    };
  }, [clientId, key, readAgain]);
  if (count === 0) return null;
  return (
    <Alert kind="info">
      {count === 1
        ? '1 record could not be read and is not shown.'
        : `${count} records could not be read and are not shown.`}{' '}
      See Settings → Data health.
    </Alert>
  );
}
