import type { ServerResponse } from 'node:http';
import { jsonReply } from '../reply/reply-types.js';
import { sendReply } from '../reply/send-reply.js';
import type { MockServerState } from './mock-server-state.js';

/** `GET /__mock/requests` lists the recorded requests; `POST /__mock/reset` clears them and the fault counters. */
export function handleControl(state: MockServerState, method: string, path: string, res: ServerResponse): void {
  if (method === 'GET' && path === '/__mock/requests') {
    sendReply(res, jsonReply(200, state.recorder.list()));
    return;
  }
  if (method === 'POST' && path === '/__mock/reset') {
    state.recorder.clear();
    state.faults.reset();
    sendReply(res, jsonReply(200, { ok: true }));
    return;
  }
  const message = `Unknown control route ${method} ${path}; use GET /__mock/requests or POST /__mock/reset.`;
  sendReply(res, jsonReply(404, { error: { message, type: 'invalid_request_error', param: null, code: 'not_found' } }));
}
