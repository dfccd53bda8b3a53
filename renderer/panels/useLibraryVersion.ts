import { useEffect, useState } from 'react';
import type { ZeroDraftApi } from '../../shared/api/contract';

/**
 * A number that grows each time sources enter or leave the library of a workspace (saved here, in
 * another window, or arriving by sync), so views that asked the library something ask again.
 */
export function useLibraryVersion(api: ZeroDraftApi, handle: string): number {
  const [version, setVersion] = useState(0);
  useEffect(() => api.inputs.onDidChangeLibrary((event) => {
    if (event.handle === handle) setVersion((current) => current + 1);
  }), [api, handle]);
  return version;
}
