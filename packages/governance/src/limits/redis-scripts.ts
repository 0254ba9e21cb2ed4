/**
 * KEYS: requests (this window), tokens (this window), parallel, budget (this period) — all under one hash tag.
 * ARGV: rpm, tpm, parallel, max budget (-1 = none), initial spend, estimated cost, window ttl ms, budget ttl ms.
 * Returns { admitted (1/0), refusal, requests, tokens, budget used as a string }.
 */
export const admitScript = `
local rpm, tpm, par, maxb = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local est = tonumber(ARGV[6])
redis.call('SET', KEYS[4], ARGV[5], 'NX', 'PX', ARGV[8])
local requests = tonumber(redis.call('GET', KEYS[1]) or '0')
local tokens = tonumber(redis.call('GET', KEYS[2]) or '0')
local parallel = tonumber(redis.call('GET', KEYS[3]) or '0')
local used = tonumber(redis.call('GET', KEYS[4]) or ARGV[5])
local refusal = ''
if rpm >= 0 and requests >= rpm then refusal = 'rpm'
elseif tpm >= 0 and tokens >= tpm then refusal = 'tpm'
elseif par >= 0 and parallel >= par then refusal = 'parallel'
elseif maxb >= 0 and used + est > maxb + 1e-12 then refusal = 'budget' end
if refusal ~= '' then return {0, refusal, requests, tokens, tostring(used)} end
requests = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[7])
redis.call('INCR', KEYS[3])
redis.call('PEXPIRE', KEYS[3], 600000)
used = redis.call('INCRBYFLOAT', KEYS[4], ARGV[6])
redis.call('PEXPIRE', KEYS[4], ARGV[8])
return {1, '', requests, tokens, used}
`;

/**
 * KEYS: requests, tokens, parallel, budget. ARGV: tokens, cost delta (actual − estimated), window ttl ms,
 * undo request (1 when cancelling an admission).
 */
export const settleScript = `
if tonumber(redis.call('GET', KEYS[3]) or '0') > 0 then redis.call('DECR', KEYS[3]) end
if ARGV[4] == '1' and tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
if tonumber(ARGV[1]) > 0 then
  redis.call('INCRBY', KEYS[2], ARGV[1])
  redis.call('PEXPIRE', KEYS[2], ARGV[3])
end
if redis.call('EXISTS', KEYS[4]) == 1 then redis.call('INCRBYFLOAT', KEYS[4], ARGV[2]) end
return 1
`;
