// Preloaded (`node --import ./route-to-mock.mjs example.mjs`) so that a README example runs exactly as written:
// every request an undici Agent dispatches (the provider kit's pooled client) goes to the loopback mock at
// SWITCHYARD_MOCK_ORIGIN instead of the provider's host. Path, method, headers and body are left as they are.
import { Agent } from 'undici';

const origin = process.env.SWITCHYARD_MOCK_ORIGIN;
if (!origin) throw new Error('SWITCHYARD_MOCK_ORIGIN is not set');

const dispatch = Agent.prototype.dispatch;
Agent.prototype.dispatch = function dispatchToMock(options, handler) {
  return dispatch.call(this, { ...options, origin }, handler);
};
