import { describe, expect, it } from 'vitest';
import { deterministicVector, vectorToBase64 } from './deterministic-vector.js';

describe('deterministicVector', () => {
  it('is the same for the same text and different for another text', () => {
    expect(deterministicVector('hello', 8)).toEqual(deterministicVector('hello', 8));
    expect(deterministicVector('hello', 8)).not.toEqual(deterministicVector('hello!', 8));
  });

  it('has the asked length and unit norm', () => {
    const vector = deterministicVector('some text', 256);
    expect(vector).toHaveLength(256);
    const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
    expect(norm).toBeCloseTo(1, 5);
  });

  it('encodes to base64 float32 that decodes to the same numbers', () => {
    const vector = deterministicVector('x', 5);
    const bytes = Buffer.from(vectorToBase64(vector), 'base64');
    const decoded = Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4));
    expect(decoded).toEqual(vector);
  });
});
