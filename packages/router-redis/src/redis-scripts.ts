import type { Cluster, Redis } from 'ioredis';

export type RedisClient = Redis | Cluster;

/**
 * Counts a call: the minute's requests, and the call itself in the in-flight sorted set, scored by when it is
 * presumed lost (a crashed instance never releases its calls; they fall out of the count at that time).
 * KEYS: requests, in-flight. ARGV: window ttl, member, presumed-lost time, now, in-flight key ttl.
 */
const acquire = `
local requests = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[4])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[5])
return {requests, redis.call('ZCARD', KEYS[2])}`;

/** Undoes an acquire whose call never started. KEYS: requests, in-flight. ARGV: window ttl, member. */
const cancel = `
local requests = redis.call('DECR', KEYS[1])
if requests < 0 then redis.call('SET', KEYS[1], 0, 'PX', ARGV[1]) requests = 0 end
redis.call('ZREM', KEYS[2], ARGV[2])
return {requests, redis.call('ZCARD', KEYS[2])}`;

/**
 * Reads a group's state in one round trip. KEYS: per deployment, cooldown, requests, tokens, failures, in-flight,
 * latency, ttft. ARGV: now. Missing values come back as "" (a nil would cut the reply short).
 */
const snapshot = `
local out = {}
for index = 1, #KEYS, 7 do
  for offset = 0, 3 do out[#out + 1] = redis.call('GET', KEYS[index + offset]) or '' end
  out[#out + 1] = redis.call('ZCOUNT', KEYS[index + 4], '(' .. ARGV[1], '+inf')
  out[#out + 1] = redis.call('GET', KEYS[index + 5]) or ''
  out[#out + 1] = redis.call('GET', KEYS[index + 6]) or ''
end
return out`;

/**
 * Ends a call. KEYS: in-flight, tokens, failures, latency samples, latency average, ttft samples, ttft average.
 * ARGV: tokens, failed (0/1), latency ms or "", ttft ms or "", now, window ttl, latency ttl, sample count, member.
 * A moving average is kept as "average:time of last sample"; a sample after the ttl starts a new average.
 */
const release = `
redis.call('ZREM', KEYS[1], ARGV[9])
local running = redis.call('ZCOUNT', KEYS[1], '(' .. ARGV[5], '+inf')
local tokens = redis.call('INCRBY', KEYS[2], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[6])
local failures = 0
if ARGV[2] == '1' then
  failures = redis.call('INCR', KEYS[3])
  redis.call('PEXPIRE', KEYS[3], ARGV[6])
else
  failures = tonumber(redis.call('GET', KEYS[3]) or '0')
end
local function sample(list, average, value)
  if value == '' then return redis.call('GET', average) or '' end
  local previous = redis.call('GET', average)
  if previous then
    local at = tonumber(string.match(previous, ':(.+)$'))
    if at and tonumber(ARGV[5]) - at > tonumber(ARGV[7]) then redis.call('DEL', list) end
  else
    redis.call('DEL', list)
  end
  redis.call('LPUSH', list, value)
  redis.call('LTRIM', list, 0, tonumber(ARGV[8]) - 1)
  local values = redis.call('LRANGE', list, 0, -1)
  local sum = 0
  for _, item in ipairs(values) do sum = sum + tonumber(item) end
  local text = tostring(sum / #values) .. ':' .. ARGV[5]
  redis.call('SET', average, text, 'PX', ARGV[7])
  redis.call('PEXPIRE', list, ARGV[7])
  return text
end
local latency = sample(KEYS[4], KEYS[5], ARGV[3])
local ttft = sample(KEYS[6], KEYS[7], ARGV[4])
return {running, tokens, failures, latency, ttft}`;

/** Extends a cooldown (never shortens it); returns the cooldown in force. */
const coolDown = `
local current = redis.call('GET', KEYS[1])
if current and tonumber(current) >= tonumber(ARGV[1]) then return current end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return ARGV[1]`;

/** The scripts as commands on a client (ioredis sends EVALSHA and falls back to EVAL once per connection). */
export interface ScriptCommands {
  switchyardAcquire(
    requests: string,
    inFlight: string,
    windowTtlMs: number,
    member: string,
    presumedLostAt: number,
    now: number,
    inFlightKeyTtlMs: number,
  ): Promise<[number, number]>;
  switchyardCancel(requests: string, inFlight: string, windowTtlMs: number, member: string): Promise<[number, number]>;
  /** `keyCount` first, then the keys, then now. */
  switchyardSnapshot(keyCount: number, ...keysAndNow: Array<string | number>): Promise<Array<string | number>>;
  switchyardRelease(...keysAndArgs: Array<string | number>): Promise<[number, number, number, string, string]>;
  switchyardCoolDown(cooldown: string, untilMs: number, ttlMs: number): Promise<string>;
}

const definitions = {
  switchyardAcquire: { numberOfKeys: 2, lua: acquire },
  switchyardCancel: { numberOfKeys: 2, lua: cancel },
  switchyardRelease: { numberOfKeys: 7, lua: release },
  switchyardCoolDown: { numberOfKeys: 1, lua: coolDown },
  // The number of keys varies with the group, so it is the first argument.
  switchyardSnapshot: { lua: snapshot },
};

export function withScripts(client: RedisClient): RedisClient & ScriptCommands {
  for (const [name, definition] of Object.entries(definitions)) {
    if (!(name in client)) client.defineCommand(name, definition);
  }
  return client as RedisClient & ScriptCommands;
}
