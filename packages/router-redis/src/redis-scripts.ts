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
 * Lua: adds samples to a moving average kept as "average:time of last sample" over the last `count` samples (a list);
 * samples after the ttl start a new average. Returns the average, or the stored one when there are no samples.
 */
const pushSamples = `
local function pushSamples(list, average, values, now, ttl, count)
  if #values == 0 then return redis.call('GET', average) or '' end
  local previous = redis.call('GET', average)
  if previous then
    local at = tonumber(string.match(previous, ':(.+)$'))
    if at and tonumber(now) - at > tonumber(ttl) then redis.call('DEL', list) end
  else
    redis.call('DEL', list)
  end
  redis.call('LPUSH', list, unpack(values))
  redis.call('LTRIM', list, 0, tonumber(count) - 1)
  local kept = redis.call('LRANGE', list, 0, -1)
  local sum = 0
  for _, item in ipairs(kept) do sum = sum + tonumber(item) end
  local text = tostring(sum / #kept) .. ':' .. now
  redis.call('SET', average, text, 'PX', ttl)
  redis.call('PEXPIRE', list, ttl)
  return text
end`;

/**
 * Writes a group's batched counts and reads its state, in one round trip. KEYS, per deployment: cooldown,
 * requests, tokens, failures, in-flight, latency, ttft, latency samples, ttft samples. ARGV: now, window ttl,
 * latency ttl, sample count, presumed-lost time, in-flight key ttl, then per deployment its delta as JSON
 * ({r: requests, t: tokens, a: members started, d: members ended, l: latencies, f: ttfts}) or "". Returns per
 * deployment cooldown, requests, tokens, failures, in flight, latency, ttft; missing values as "" (a nil would cut
 * the reply short).
 */
const sync = `${pushSamples}
local out = {}
local now = ARGV[1]
for index = 1, #KEYS, 9 do
  local encoded = ARGV[6 + (index - 1) / 9 + 1]
  if encoded ~= nil and encoded ~= '' then
    local delta = cjson.decode(encoded)
    if delta.r ~= 0 then
      redis.call('INCRBY', KEYS[index + 1], delta.r)
      redis.call('PEXPIRE', KEYS[index + 1], ARGV[2])
    end
    if delta.t > 0 then
      redis.call('INCRBY', KEYS[index + 2], delta.t)
      redis.call('PEXPIRE', KEYS[index + 2], ARGV[2])
    end
    if #delta.a > 0 then
      redis.call('ZREMRANGEBYSCORE', KEYS[index + 4], '-inf', now)
      local scored = {}
      for _, member in ipairs(delta.a) do scored[#scored + 1] = ARGV[5] scored[#scored + 1] = member end
      redis.call('ZADD', KEYS[index + 4], unpack(scored))
      redis.call('PEXPIRE', KEYS[index + 4], ARGV[6])
    end
    if #delta.d > 0 then redis.call('ZREM', KEYS[index + 4], unpack(delta.d)) end
    pushSamples(KEYS[index + 7], KEYS[index + 5], delta.l, now, ARGV[3], ARGV[4])
    pushSamples(KEYS[index + 8], KEYS[index + 6], delta.f, now, ARGV[3], ARGV[4])
  end
  for offset = 0, 3 do out[#out + 1] = redis.call('GET', KEYS[index + offset]) or '' end
  out[#out + 1] = redis.call('ZCOUNT', KEYS[index + 4], '(' .. now, '+inf')
  out[#out + 1] = redis.call('GET', KEYS[index + 5]) or ''
  out[#out + 1] = redis.call('GET', KEYS[index + 6]) or ''
end
return out`;

/**
 * Ends a call. KEYS: in-flight, tokens, failures, latency samples, latency average, ttft samples, ttft average.
 * ARGV: tokens, failed (0/1), latency ms or "", ttft ms or "", now, window ttl, latency ttl, sample count, member.
 */
const release = `${pushSamples}
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
local function one(value) if value == '' then return {} end return {value} end
local latency = pushSamples(KEYS[4], KEYS[5], one(ARGV[3]), ARGV[5], ARGV[7], ARGV[8])
local ttft = pushSamples(KEYS[6], KEYS[7], one(ARGV[4]), ARGV[5], ARGV[7], ARGV[8])
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
  /** `keyCount` first, then the keys, then the arguments. */
  switchyardSync(keyCount: number, ...keysAndArgs: Array<string | number>): Promise<Array<string | number>>;
  switchyardRelease(...keysAndArgs: Array<string | number>): Promise<[number, number, number, string, string]>;
  switchyardCoolDown(cooldown: string, untilMs: number, ttlMs: number): Promise<string>;
}

const definitions = {
  switchyardAcquire: { numberOfKeys: 2, lua: acquire },
  switchyardCancel: { numberOfKeys: 2, lua: cancel },
  switchyardRelease: { numberOfKeys: 7, lua: release },
  switchyardCoolDown: { numberOfKeys: 1, lua: coolDown },
  // The number of keys varies with the group, so it is the first argument.
  switchyardSync: { lua: sync },
};

export function withScripts(client: RedisClient): RedisClient & ScriptCommands {
  for (const [name, definition] of Object.entries(definitions)) {
    if (!(name in client)) client.defineCommand(name, definition);
  }
  return client as RedisClient & ScriptCommands;
}
