import { readFileSync } from 'node:fs';
import type { PriceTable } from './price-table-entry.js';

// data/ sits beside src/ and dist/, so the same relative URL works for tests (src) and the published build (dist).
const tableUrl = new URL('../../data/price-table.json', import.meta.url);

let loaded: PriceTable | undefined;

/** The shipped table, read and parsed once on first use (about 0.8 MB of JSON). */
export function loadPriceTable(): PriceTable {
  loaded ??= JSON.parse(readFileSync(tableUrl, 'utf8')) as PriceTable;
  return loaded;
}
