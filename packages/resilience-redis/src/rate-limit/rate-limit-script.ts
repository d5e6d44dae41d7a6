// The admission script, run atomically inside Redis: a weighted sliding log per key.
//
// Why a log and not GCRA: the guarantee is "in any window of intervalMs at most cap weight",
// whatever the window's alignment. A GCRA/token bucket whose tolerance allows bursts admits up to
// twice the cap across a window border, and a spacing-only GCRA admits one weighted call past the
// cap when weights differ. The log is exact: an entry counts in every half-open window
// (t - intervalMs, t] that holds its time, and a new entry (time >= every entry's time, so
// waiting callers keep FIFO order) is admitted only if the window ending at it stays within the
// cap; the heaviest window always ends at an entry, so every window is within the cap. Memory is
// one sorted-set member per admitted call still inside the window.
//
// Time is Redis's own (TIME), so the processes' clocks never matter. Every time is a whole
// millisecond: Lua prints numbers with 14 significant digits, which would round fractional
// epoch-ms scores and break the window arithmetic. KEYS[1] = log (sorted set,
// member "<weight>:<seq>", score = admission time), KEYS[2] = meta hash (total weight in the
// log, seq, last = the newest admission time, so FIFO needs no lookup).
// ARGV: op ("take" | "refund" | "seed"), weight, cap, intervalMs, maxWaitMs, then the member
// (refund) or pairs of admission time and weight (seed: a process's local admissions replayed).
// Replies: take → {1, waitMs, member, now} | {0, retryAfterMs, "", now}; others → {1, 0, "", now}.

export const RATE_LIMIT_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local op, weight, cap, interval, maxWait = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local function w(member) return tonumber(string.match(member, '^([^:]+)')) end
local function sum(list) local s = 0 for i = 1, #list do s = s + w(list[i]) end return s end
local meta = redis.call('HMGET', KEYS[2], 'total', 'seq', 'last')
local total, seq, last = tonumber(meta[1] or '0'), tonumber(meta[2] or '0'), tonumber(meta[3] or '0')
local old = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now - interval)
if #old > 0 then
  total = total - sum(old)
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - interval)
  if total < 1e-9 or redis.call('ZCARD', KEYS[1]) == 0 then total = 0 end
end
local function keep(untilMs)
  local ttl = math.ceil(untilMs - now + interval) + 1000
  redis.call('HSET', KEYS[2], 'total', total, 'seq', seq, 'last', last)
  redis.call('PEXPIRE', KEYS[1], ttl)
  redis.call('PEXPIRE', KEYS[2], ttl)
end
if op == 'refund' then
  if redis.call('ZREM', KEYS[1], ARGV[6]) == 1 then total = total - w(ARGV[6]) end
  local newest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
  last = #newest > 0 and tonumber(newest[2]) or 0
  keep(math.max(now, last))
  return {1, 0, '', tostring(now)}
end
if op == 'seed' then
  for i = 6, #ARGV - 1, 2 do
    local at, sw = math.ceil(tonumber(ARGV[i])), tonumber(ARGV[i + 1])
    if at > now - interval then
      seq = seq + 1
      redis.call('ZADD', KEYS[1], at, ARGV[i + 1] .. ':s' .. seq)
      total = total + sw
      if at > last then last = at end
    end
  end
  keep(math.max(now, last))
  return {1, 0, '', tostring(now)}
end
local start = math.max(now, last)
local inWindow = total
if start > now then
  inWindow = inWindow - sum(redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. (now - interval), start - interval))
end
local at = start
if inWindow + weight > cap + 1e-9 then
  local need = inWindow + weight - cap
  local entries = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. (start - interval), '+inf', 'WITHSCORES')
  at = math.huge
  for i = 1, #entries, 2 do
    need = need - w(entries[i])
    if need <= 1e-9 then at = tonumber(entries[i + 1]) + interval break end
  end
end
local wait = at - now
if wait > maxWait then
  if #old > 0 then redis.call('HSET', KEYS[2], 'total', total) end
  return {0, tostring(math.min(wait, 1e15)), '', tostring(now)}
end
seq = seq + 1
local member = ARGV[2] .. ':' .. seq
redis.call('ZADD', KEYS[1], at, member)
total = total + weight
last = at
keep(at)
return {1, tostring(wait), member, tostring(now)}
`;
