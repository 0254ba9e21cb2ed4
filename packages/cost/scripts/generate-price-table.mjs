#!/usr/bin/env node
// Generates data/price-table.json, the compact price table @switchyard/cost ships, from LiteLLM's
// model_prices_and_context_window.json (MIT, Copyright (c) 2023 Berri AI; see NOTICE.md).
//
//   node scripts/generate-price-table.mjs                  regenerate from the committed source copy
//   node scripts/generate-price-table.mjs --source <file>  copy a newer source over the committed copy first
//   node scripts/generate-price-table.mjs --check          exit 1 when the committed table is stale
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const sourceCopyPath = fileURLToPath(new URL('../data/source/model_prices_and_context_window.json', import.meta.url));
export const tablePath = fileURLToPath(new URL('../data/price-table.json', import.meta.url));

export const attribution =
  'Prices and context windows from model_prices_and_context_window.json of BerriAI/litellm ' +
  '(https://github.com/BerriAI/litellm), MIT License, Copyright (c) 2023 Berri AI. Filtered to the fields ' +
  '@switchyard/cost uses; values are unchanged.';

/** Modes priced per token; image, audio, video, search, OCR and rerank entries are priced per unit and left out. */
const tokenPricedModes = new Set(['chat', 'completion', 'responses', 'embedding', 'realtime', 'moderation']);

const rateFields = [
  'input_cost_per_token',
  'output_cost_per_token',
  'cache_read_input_token_cost',
  'cache_creation_input_token_cost',
  'output_cost_per_reasoning_token',
];
const limitFields = ['max_input_tokens', 'max_output_tokens'];
const supportFields = [
  'supports_function_calling',
  'supports_tool_choice',
  'supports_parallel_function_calling',
  'supports_vision',
  'supports_response_schema',
  'supports_reasoning',
  'supports_prompt_caching',
  'supports_system_messages',
  'supports_pdf_input',
  'supports_audio_input',
  'supports_web_search',
];
// Tier prices such as input_cost_per_token_above_200k_tokens; service-tier variants (_priority) are not used.
const tierFieldPattern =
  /^(input_cost_per_token|output_cost_per_token|cache_read_input_token_cost|cache_creation_input_token_cost)_above_\d+k?_tokens$/;

function isPrice(value) {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function pickTieredPricing(tiers, key) {
  if (!Array.isArray(tiers)) throw new Error(`${key}: tiered_pricing is not an array`);
  return tiers.map((tier, index) => {
    const range = tier?.range;
    if (!Array.isArray(range) || range.length !== 2 || !range.every(isPrice)) {
      throw new Error(`${key}: tiered_pricing[${index}].range must be two non-negative numbers`);
    }
    const picked = { range };
    for (const field of rateFields) if (tier[field] !== undefined) picked[field] = checkedPrice(tier[field], key, field);
    return picked;
  });
}

function checkedPrice(value, key, field) {
  if (!isPrice(value)) throw new Error(`${key}: ${field} must be a non-negative number, got ${JSON.stringify(value)}`);
  return value;
}

/** Picks the fields @switchyard/cost uses from one source entry, in a fixed order. */
export function pickEntry(key, entry) {
  const picked = { litellm_provider: entry.litellm_provider, mode: entry.mode };
  for (const field of limitFields) if (typeof entry[field] === 'number') picked[field] = entry[field];
  for (const field of rateFields) if (entry[field] !== undefined) picked[field] = checkedPrice(entry[field], key, field);
  const tierFields = Object.keys(entry).filter((field) => tierFieldPattern.test(field)).sort();
  for (const field of tierFields) picked[field] = checkedPrice(entry[field], key, field);
  if (entry.tiered_pricing !== undefined) picked.tiered_pricing = pickTieredPricing(entry.tiered_pricing, key);
  for (const field of supportFields) if (typeof entry[field] === 'boolean') picked[field] = entry[field];
  return picked;
}

/** Builds the table object from the source file's text. Pure: the test runs it on the committed copy. */
export function buildPriceTable(sourceText) {
  const source = JSON.parse(sourceText);
  const models = {};
  for (const key of Object.keys(source).sort()) {
    const entry = source[key];
    if (key === 'sample_spec' || typeof entry !== 'object' || entry === null || Array.isArray(entry)) continue;
    if (typeof entry.litellm_provider !== 'string' || !tokenPricedModes.has(entry.mode)) continue;
    models[key] = pickEntry(key, entry);
  }
  return {
    attribution,
    source: {
      file: 'model_prices_and_context_window.json',
      sha256: createHash('sha256').update(sourceText).digest('hex'),
      entries: Object.keys(source).filter((key) => key !== 'sample_spec' && key !== 'fallback_generalizations').length,
    },
    generator: 'packages/cost/scripts/generate-price-table.mjs',
    models,
  };
}

/** One model per line, so a price change shows as a one-line diff. */
export function serializePriceTable(table) {
  const { models, ...header } = table;
  const lines = Object.entries(models).map(([key, entry]) => `    ${JSON.stringify(key)}: ${JSON.stringify(entry)}`);
  const head = Object.entries(header).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  return `{\n${head.join('\n')}\n  "models": {\n${lines.join(',\n')}\n  }\n}\n`;
}

function main(argv) {
  const sourceIndex = argv.indexOf('--source');
  if (sourceIndex !== -1) {
    const from = argv[sourceIndex + 1];
    if (!from) throw new Error('--source needs a path');
    copyFileSync(from, sourceCopyPath);
  }
  const text = serializePriceTable(buildPriceTable(readFileSync(sourceCopyPath, 'utf8')));
  if (argv.includes('--check')) {
    const current = readFileSync(tablePath, 'utf8');
    if (current !== text) {
      console.error('data/price-table.json is stale: run node scripts/generate-price-table.mjs');
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(tablePath, text);
  console.log(`wrote ${tablePath} (${Object.keys(JSON.parse(text).models).length} models)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
