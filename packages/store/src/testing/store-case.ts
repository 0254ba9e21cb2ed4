import type { Store } from '../store.js';

/** One named check against an open store; suites run every case on every backend. */
export interface StoreCase {
  name: string;
  run(store: Store): Promise<void>;
}
