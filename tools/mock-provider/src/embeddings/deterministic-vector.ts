/**
 * A unit-length vector derived only from the input text and the dimension count, so the same text always embeds
 * to the same vector. Values are rounded to float32 so that float and base64 answers decode to the same numbers.
 */
export function deterministicVector(text: string, dimensions: number): number[] {
  let state = fnv1a(text) ^ Math.imul(dimensions, 0x9e3779b1) || 1;
  const values = new Array<number>(dimensions);
  let sumOfSquares = 0;
  for (let index = 0; index < dimensions; index++) {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const value = (state >>> 0) / 0xffffffff - 0.5;
    values[index] = value;
    sumOfSquares += value * value;
  }
  const norm = Math.sqrt(sumOfSquares) || 1;
  for (let index = 0; index < dimensions; index++) values[index] = Math.fround((values[index] as number) / norm);
  return values;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}

/** Little-endian float32 bytes in base64, as OpenAI's `encoding_format: "base64"` sends them. */
export function vectorToBase64(vector: readonly number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}
