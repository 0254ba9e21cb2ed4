import { SwitchyardError } from '@switchyard/core';
import type { GooglePartialArg } from './google-api.js';

type Segment = string | number;
type Container = Record<string, unknown> | unknown[];

const maxSegments = 64;
const segmentPattern = /^(?:\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\])/;

function malformed(detail: string): SwitchyardError {
  return new SwitchyardError('upstream_unavailable', `Gemini streamed malformed function arguments: ${detail}`, { status: 502 });
}

/** Parses the JSONPath subset Gemini streams (`$.a.b[0]['c d']`) into segments. */
export function parseJsonPath(path: string): Segment[] {
  if (!path.startsWith('$')) throw malformed(`the path "${path.slice(0, 80)}" does not start with $`);
  const segments: Segment[] = [];
  let rest = path.slice(1);
  while (rest !== '') {
    const match = segmentPattern.exec(rest);
    if (!match || segments.length >= maxSegments) throw malformed(`cannot follow the path "${path.slice(0, 80)}"`);
    const [whole, name, index, single, double] = match;
    if (index !== undefined) segments.push(Number(index));
    else segments.push(name ?? (single ?? double ?? '').replace(/\\(.)/g, '$1'));
    rest = rest.slice(whole.length);
  }
  return segments;
}

function read(container: Container, segment: Segment): unknown {
  if (Array.isArray(container)) return typeof segment === 'number' ? container[segment] : undefined;
  return typeof segment === 'string' && Object.hasOwn(container, segment) ? container[segment] : undefined;
}

function write(container: Container, segment: Segment, value: unknown): void {
  if (Array.isArray(container)) {
    // Arrays grow one element at a time; a far index would make a huge sparse array.
    if (typeof segment !== 'number' || segment > container.length) throw malformed(`array index ${String(segment)} skips elements`);
    container[segment] = value;
    return;
  }
  if (typeof segment !== 'string') throw malformed(`index ${segment} used on an object`);
  Object.defineProperty(container, segment, { value, enumerable: true, writable: true, configurable: true });
}

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

/**
 * Rebuilds function arguments from Gemini's streamed `partialArgs`: each names a JSONPath and a value; a string
 * whose `willContinue` is set continues in the next partial for the same path.
 */
export class PartialArgsBuilder {
  readonly #root: Record<string, unknown>;
  #continuing: string | undefined;

  constructor(initial: Record<string, unknown> = {}) {
    this.#root = { ...initial };
  }

  apply(arg: GooglePartialArg): void {
    const segments = parseJsonPath(arg.jsonPath);
    const last = segments.pop();
    if (last === undefined) throw malformed('a partial argument replaces the whole object');
    let container: Container = this.#root;
    for (const [position, segment] of segments.entries()) {
      let next = read(container, segment);
      if (!isContainer(next)) {
        const following = segments[position + 1] ?? last;
        next = typeof following === 'number' ? [] : {};
        write(container, segment, next);
      }
      container = next as Container;
    }
    write(container, last, this.#value(arg, read(container, last)));
    this.#continuing = arg.stringValue !== undefined && arg.willContinue === true ? arg.jsonPath : undefined;
  }

  #value(arg: GooglePartialArg, existing: unknown): unknown {
    if (arg.stringValue !== undefined) {
      return this.#continuing === arg.jsonPath && typeof existing === 'string' ? existing + arg.stringValue : arg.stringValue;
    }
    if (arg.numberValue !== undefined) return arg.numberValue;
    if (arg.boolValue !== undefined) return arg.boolValue;
    if ('nullValue' in arg) return null;
    throw malformed(`the partial argument at ${arg.jsonPath.slice(0, 80)} has no value`);
  }

  /** The arguments built so far, as JSON. */
  json(): string {
    return JSON.stringify(this.#root);
  }
}
