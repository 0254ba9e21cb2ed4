import type { FixtureLibrary } from '../fixtures/fixture-library.js';
import type { FaultCounter } from '../scenario/fault-counter.js';
import type { RequestRecorder } from './request-recorder.js';

/** What one running mock keeps between requests. */
export interface MockServerState {
  recorder: RequestRecorder;
  faults: FaultCounter;
  fixtures: FixtureLibrary;
  maxBodyBytes: number;
}
