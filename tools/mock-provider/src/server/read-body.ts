import type { IncomingMessage } from 'node:http';

export interface ReadBody {
  text: string;
  /** True when the body passed the limit; `text` is then empty. */
  tooLarge: boolean;
}

/** Reads the whole request body as UTF-8, keeping at most `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number, done: (body: ReadBody) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (chunk: Buffer) => {
    if (tooLarge) return;
    size += chunk.byteLength;
    if (size > limit) {
      tooLarge = true;
      chunks.length = 0;
      return;
    }
    chunks.push(chunk);
  });
  req.once('end', () => {
    const text = chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8');
    done({ text, tooLarge });
  });
}
