import { describe, expect, it } from 'vitest';
import { DeploymentKeys, groupHashTag, hashedPart } from './redis-keys.js';

describe('Redis key layout', () => {
  it('puts every key of a model group in one Redis Cluster hash slot, and groups apart', () => {
    const a = new DeploymentKeys('sy:', { id: 'd1', modelGroup: 'gpt-4o' });
    const b = new DeploymentKeys('sy:', { id: 'd2', modelGroup: 'gpt-4o' });
    const other = new DeploymentKeys('sy:', { id: 'd3', modelGroup: 'claude' });
    const keys = [a.cooldown, a.inFlight, a.requests(5), a.tokens(5), a.failures(5), a.latencyAverage, a.ttftSamples, b.cooldown];
    expect(new Set(keys.map(hashedPart)).size).toBe(1);
    expect(hashedPart(other.cooldown)).not.toBe(hashedPart(a.cooldown));
  });

  it('keeps the tag intact whatever the group is called', () => {
    const tag = groupHashTag('weird}{name');
    expect(tag).toMatch(/^\{g:[0-9a-f]{12}\}$/);
    expect(hashedPart(new DeploymentKeys('p:', { id: 'x', modelGroup: 'weird}{name' }).cooldown)).toBe(tag.slice(1, -1));
  });

  it('hashes the text inside the first non-empty braces, as Redis Cluster does', () => {
    expect(hashedPart('a{b}c{d}')).toBe('b');
    expect(hashedPart('a{}b{c}')).toBe('a{}b{c}');
    expect(hashedPart('plain')).toBe('plain');
  });
});
