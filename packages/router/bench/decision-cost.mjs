// Measures the router's routing decision with in-process state: µs per decision for 1, 10 and 100 deployments in a
// group, per strategy. Run after a build: `pnpm nx run @switchyard/router:build && node bench/decision-cost.mjs`.
//   select        the decision alone (filters, order tiers, strategy)
//   decide+count  what a request costs the router besides the upstream call: resolve the model, build the
//                 routing context, select, count the call (rpm, in-flight) and record its end (latency, tokens)
//   router.chat   a whole routed request against a provider that answers at once (promises included)
import { createRouter, resolveRouterOptions, InMemoryRouterState, seededRandom } from '../dist/index.js';
import { buildDeployments } from '../dist/deployments/build-deployments.js';
import { ModelRegistry } from '../dist/deployments/model-registry.js';
import { DeploymentSelector } from '../dist/selection/deployment-selector.js';
import { RoutingContext } from '../dist/selection/routing-context.js';
import { createStrategy } from '../dist/strategies/create-strategy.js';

const sizes = [1, 10, 100];
const strategies = ['simple-shuffle', 'least-busy', 'latency-based-routing', 'usage-based-routing-v2', 'cost-based-routing'];
const completion = { id: 'c', object: 'chat.completion', created: 1, model: 'm', choices: [] };
const instantProvider = {
  id: 'openai',
  capabilities: {},
  chat: async () => ({ completion, body: '{}', usage: { prompt_tokens: 5, completion_tokens: 5, total_tokens: 10 } }),
  streamChat: async () => [],
};
const request = { model: 'group', messages: [{ role: 'user', content: 'Say hello in one word.' }] };

function modelList(size) {
  return Array.from({ length: size }, (_, index) => ({
    model_name: 'group',
    litellm_params: { model: 'openai/gpt-4o-mini', api_base: `http://127.0.0.1:${9000 + index}/v1`, rpm: 1e9, tpm: 1e12 },
    model_info: { id: `d${index}`, input_cost_per_token: (1 + (index % 7)) * 1e-7, output_cost_per_token: 4e-7 },
  }));
}

function setup(size, strategy) {
  const options = resolveRouterOptions({ routing_strategy: strategy, enable_pre_call_checks: true });
  const deployments = buildDeployments(modelList(size), () => instantProvider, options);
  const state = new InMemoryRouterState();
  state.attach(deployments, { latencyTtlMs: options.latencyTtlMs });
  const now = Date.now();
  // Give every deployment some history so latency and usage strategies have numbers to compare.
  deployments.forEach((deployment, slot) => {
    state.acquire(slot, now);
    state.release(slot, now, { latencyMs: 100 + (slot % 13), timeToFirstTokenMs: 40 + (slot % 5), tokens: 50 * (slot % 3), failed: false });
  });
  const random = seededRandom(1);
  const pricePerToken = Float64Array.from(deployments, (d) => (d.inputCostPerToken ?? 0) + (d.outputCostPerToken ?? 0));
  const strategyImpl = createStrategy(strategy, { deployments, view: state.view, random, lowestLatencyBuffer: 0, pricePerToken });
  const selector = new DeploymentSelector(deployments, state.view, strategyImpl, options);
  const registry = new ModelRegistry(deployments, options.aliases);
  return { deployments, state, selector, registry, now };
}

// CPU time (user + system) of this process, not wall time: the machine is shared, and a busy neighbour would
// otherwise be counted as routing cost.
function cpuMicros() {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

function measure(iterations, body) {
  for (let index = 0; index < Math.min(iterations, 20_000); index++) body();
  const runs = [];
  for (let run = 0; run < 5; run++) {
    const start = cpuMicros();
    for (let index = 0; index < iterations; index++) body();
    runs.push((cpuMicros() - start) / iterations);
  }
  return runs.sort((a, b) => a - b)[2];
}

async function measureAsync(iterations, body) {
  for (let index = 0; index < 5000; index++) await body();
  const runs = [];
  for (let run = 0; run < 5; run++) {
    const start = cpuMicros();
    for (let index = 0; index < iterations; index++) await body();
    runs.push((cpuMicros() - start) / iterations);
  }
  return runs.sort((a, b) => a - b)[2];
}

const sample = { latencyMs: 100, timeToFirstTokenMs: Number.NaN, tokens: 10, failed: false };
const rows = [];
for (const strategy of strategies) {
  for (const size of sizes) {
    const { selector, registry, state, now } = setup(size, strategy);
    const group = registry.resolve('group').group;
    const context = new RoutingContext({ stream: false, tags: undefined, allowedRegion: undefined, estimateTokens: () => 6 });
    const iterations = size === 100 ? 100_000 : 400_000;
    const select = measure(iterations, () => selector.select(group, context, now));
    const decide = measure(iterations, () => {
      const resolved = registry.resolve(request.model);
      const perRequest = new RoutingContext({ stream: false, tags: undefined, allowedRegion: undefined, estimateTokens: () => 6 });
      const slot = selector.select(resolved.group, perRequest, now);
      state.acquire(slot, now);
      state.release(slot, now, sample);
    });
    rows.push({ strategy, deployments: size, 'select µs': select.toFixed(3), 'decide+count µs': decide.toFixed(3) });
  }
}

for (const size of sizes) {
  const router = createRouter({ modelList: modelList(size), providers: () => instantProvider, random: seededRandom(1) });
  const chat = await measureAsync(100_000, () => router.chat(request));
  rows.push({ strategy: 'simple-shuffle', deployments: size, 'router.chat µs': chat.toFixed(3) });
}

console.log(`node ${process.version}, ${process.platform}/${process.arch}; CPU µs per decision, median of 5 runs`);
console.table(rows);
