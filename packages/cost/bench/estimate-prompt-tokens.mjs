// Measures estimatePromptTokens on a typical chat request: node bench/estimate-prompt-tokens.mjs (after a build).
// Prints the encoder load time, then microseconds per call for an OpenAI model (exact) and a Claude model
// (approximate) in two cases: a conversation turn (system prompt, history and tools as before, a new last
// message) and a request whose every text is new (no count cache hit).
import { performance } from 'node:perf_hooks';
import { estimatePromptTokens, preloadTokenizers } from '../dist/index.js';

const iterations = Number(process.env.BENCH_ITERATIONS ?? 2000);
const system =
  'You are a support assistant for an online bookshop. Answer briefly, cite the order number when there is one, ' +
  'and never promise a refund: hand refund questions to a human. Use the tools to look orders up.';
const history = [
  { role: 'user', content: 'Hi, my order 48213 has not arrived yet. It was due on Monday.' },
  { role: 'assistant', content: 'Sorry about that. Let me look order 48213 up for you.' },
  { role: 'user', content: 'Thanks. It is a birthday present, so I need it by Friday at the latest.' },
];
const tools = [
  {
    type: 'function',
    function: {
      name: 'lookup_order',
      description: 'Finds an order by its number and returns its status and carrier tracking.',
      parameters: { type: 'object', properties: { order: { type: 'string' } }, required: ['order'] },
    },
  },
];

function request(model, index, allNew) {
  const tag = allNew ? ` (ref ${index})` : '';
  const last = { role: 'user', content: `Also, can I change the delivery address to 12 Rue ${index} Lyon?` };
  const earlier = history.map((message) => ({ ...message, content: message.content + tag }));
  return { model, messages: [{ role: 'system', content: system + tag }, ...earlier, last], tools };
}

const loadStart = performance.now();
preloadTokenizers();
console.log(`encoder load (o200k_base + cl100k_base): ${(performance.now() - loadStart).toFixed(0)} ms`);

for (const allNew of [false, true]) {
  for (const model of ['gpt-4o', 'anthropic/claude-sonnet-4-5']) {
    for (let i = 0; i < 200; i++) estimatePromptTokens(request(model, -1 - i, allNew));
    const start = performance.now();
    let tokens = 0;
    for (let i = 0; i < iterations; i++) tokens = estimatePromptTokens(request(model, i, allNew));
    const perCall = ((performance.now() - start) * 1000) / iterations;
    const label = allNew ? 'every text new' : 'conversation turn';
    console.log(`${label}, ${model}: ${tokens} prompt tokens, ${perCall.toFixed(1)} µs per call (${iterations} calls)`);
  }
}
