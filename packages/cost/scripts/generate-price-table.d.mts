import type { PriceTable, PriceTableEntry } from '../src/price-table/price-table-entry.js';

export const sourceCopyPath: string;
export const tablePath: string;
export const attribution: string;
export function pickEntry(key: string, entry: Record<string, unknown>): PriceTableEntry;
export function buildPriceTable(sourceText: string): PriceTable;
export function serializePriceTable(table: PriceTable): string;
