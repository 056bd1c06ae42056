/**
 * The inspector's CPU and sampling heap profilers, driven from the thread they measure (shared by
 * the probes in scripts/). Synchronous in effect: the inspector answers a post on this thread before
 * `post` returns, so the answer can be returned.
 */
import { Session } from 'node:inspector';

export type PostSync = (method: string, params?: object) => any;

/** A connected session's synchronous post. */
export function inspectorPostSync(): PostSync {
  const session = new Session();
  session.connect();
  return (method, params) => {
    let out: any;
    let error: unknown;
    session.post(method, params ?? {}, (err, res) => { error = err; out = res; });
    if (error) throw error;
    return out;
  };
}

/** Sampling options the probes share: every 4 KB, including objects already collected. */
export const HEAP_SAMPLING = { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true };
