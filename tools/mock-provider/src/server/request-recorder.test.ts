import { describe, expect, it } from 'vitest';
import { RequestRecorder, type RecordedRequest } from './request-recorder.js';

function request(index: number): RecordedRequest {
  return { method: 'POST', path: `/r${index}`, url: `/r${index}`, query: {}, headers: {}, body: '', json: undefined, scenario: '' };
}

describe('RequestRecorder', () => {
  it('keeps requests oldest first below capacity', () => {
    const recorder = new RequestRecorder(3);
    recorder.record(request(1));
    recorder.record(request(2));
    expect(recorder.list().map((r) => r.path)).toEqual(['/r1', '/r2']);
  });

  it('keeps only the most recent requests once full, still oldest first', () => {
    const recorder = new RequestRecorder(3);
    for (let index = 1; index <= 7; index++) recorder.record(request(index));
    expect(recorder.list().map((r) => r.path)).toEqual(['/r5', '/r6', '/r7']);
  });

  it('starts over after clear', () => {
    const recorder = new RequestRecorder(2);
    for (let index = 1; index <= 3; index++) recorder.record(request(index));
    recorder.clear();
    recorder.record(request(9));
    expect(recorder.list().map((r) => r.path)).toEqual(['/r9']);
  });
});
