import { seededRandom } from '../random.js';
import { createRouter, type Router } from '../router.js';
import type { RouterInit } from '../router-init.js';
import type { RouterState } from '../state/router-state.js';
import { FakeProviders } from './fake-providers.js';
import { ManualClock } from './manual-clock.js';

/** A model_list entry served by a FakeProvider named `name` (its api_base). */
export function fakeDeployment(
  group: string,
  name: string,
  params: Record<string, unknown> = {},
  info?: Record<string, unknown>,
): Record<string, unknown> {
  return {
    model_name: group,
    litellm_params: { model: `openai/${group}-upstream`, api_base: name, ...params },
    ...(info === undefined ? {} : { model_info: info }),
  };
}

export interface TestRouterInit extends Partial<Omit<RouterInit, 'modelList' | 'providers'>> {
  modelList: readonly unknown[];
  seed?: number;
  state?: RouterState;
  clock?: ManualClock;
  fakes?: FakeProviders;
}

export interface TestRouter {
  router: Router;
  clock: ManualClock;
  fakes: FakeProviders;
}

/** A router over fake providers with a manual clock and seeded randomness. */
export function testRouter(init: TestRouterInit): TestRouter {
  const clock = init.clock ?? new ManualClock();
  const fakes = init.fakes ?? new FakeProviders(clock);
  const { seed, fakes: _fakes, ...rest } = init;
  const router = createRouter({ ...rest, providers: fakes.source, clock, random: seededRandom(seed ?? 7) });
  return { router, clock, fakes };
}
