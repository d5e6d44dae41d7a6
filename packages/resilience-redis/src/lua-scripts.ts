// Lua scripts run atomically inside Redis. Time comes from Redis (`TIME`), so windows and
// deadlines never depend on the clocks of the processes sharing a breaker.
// KEYS[1] = state key, KEYS[2] = peers hash. Every script returns { redisNowMs, stateJson|"" }.

const PRELUDE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local raw = redis.call('GET', KEYS[1])
local st = nil
if raw then
  local ok, dec = pcall(cjson.decode, raw)
  if not ok or type(dec) ~= 'table' or dec.v ~= tonumber(ARGV[1]) then return {now, raw} end
  st = dec
end
local function nextGen()
  if st and st.gen and st.gen >= now then return st.gen + 1 end
  return now
end
local function write(new, ttl)
  local json = cjson.encode(new)
  redis.call('SET', KEYS[1], json, 'PX', ttl)
  redis.call('PUBLISH', ARGV[2], json)
  return {now, json}
end
`;

/**
 * Records a peer's failures (and a local trip) and opens the shared state when enough peers
 * tripped within the window (quorum) or one peer alone failed `solo` times.
 * ARGV: version, channel, name, instance, failures, tripped, windowMs, quorum, solo, recoveryMs, ttlMs
 */
export const SYNC_SCRIPT = `${PRELUDE}
local inst, fails, tripped = ARGV[4], tonumber(ARGV[5]), ARGV[6] == '1'
local windowMs, quorum, solo = tonumber(ARGV[7]), tonumber(ARGV[8]), tonumber(ARGV[9])
local recovery, ttl = tonumber(ARGV[10]), tonumber(ARGV[11])
if fails == 0 and not tripped then return {now, raw or ''} end
local start, count, trip = now, 0, 0
local entry = redis.call('HGET', KEYS[2], inst)
if entry then
  local a, b, c = string.match(entry, '^(%d+),(%d+),(%d+)$')
  if a and now - tonumber(a) <= windowMs then start, count = tonumber(a), tonumber(b) end
  if c and now - tonumber(c) <= windowMs then trip = tonumber(c) end
end
count = count + fails
if tripped then trip = now end
redis.call('HSET', KEYS[2], inst, start .. ',' .. count .. ',' .. trip)
redis.call('PEXPIRE', KEYS[2], ttl)
if st and st.state ~= 'closed' then return {now, raw} end
local trips, worst = 0, 0
local all = redis.call('HGETALL', KEYS[2])
for i = 1, #all, 2 do
  local a, b, c = string.match(all[i + 1], '^(%d+),(%d+),(%d+)$')
  if a then
    if now - tonumber(c) <= windowMs then trips = trips + 1 end
    if now - tonumber(a) <= windowMs and tonumber(b) > worst then worst = tonumber(b) end
  end
end
local reason = nil
if trips >= quorum then reason = 'quorum' elseif worst >= solo then reason = 'solo' end
if not reason then return {now, raw or ''} end
redis.call('DEL', KEYS[2])
return write({v = tonumber(ARGV[1]), name = ARGV[3], gen = nextGen(), state = 'open',
  ['until'] = now + recovery, at = now, by = inst, reason = reason, prober = '', deadline = 0},
  ttl + recovery)
`;

/**
 * Claims the single half-open probe once the shared open period is over (or the previous
 * prober missed its deadline). ARGV: version, channel, name, instance, probeMs, ttlMs
 */
export const CLAIM_SCRIPT = `${PRELUDE}
if not st then return {now, ''} end
local due = (st.state == 'open' and now >= st['until'])
  or (st.state == 'half-open' and now >= st.deadline)
if not due then return {now, raw} end
local probeMs = tonumber(ARGV[5])
return write({v = st.v, name = ARGV[3], gen = nextGen(), state = 'half-open', ['until'] = 0,
  at = now, by = ARGV[4], reason = 'probe', prober = ARGV[4], deadline = now + probeMs},
  tonumber(ARGV[6]) + probeMs)
`;

/**
 * Publishes the prober's result: closed, or open for another recovery period.
 * ARGV: version, channel, name, instance, gen, outcome ("closed" | "open"), recoveryMs, ttlMs
 */
export const RESOLVE_SCRIPT = `${PRELUDE}
if not st or st.prober ~= ARGV[4] or st.gen ~= tonumber(ARGV[5]) then
  return {now, raw or ''}
end
local recovery, ttl = tonumber(ARGV[7]), tonumber(ARGV[8])
redis.call('DEL', KEYS[2])
if ARGV[6] == 'closed' then
  return write({v = st.v, name = ARGV[3], gen = nextGen(), state = 'closed', ['until'] = 0,
    at = now, by = ARGV[4], reason = 'probe-succeeded', prober = '', deadline = 0}, ttl)
end
return write({v = st.v, name = ARGV[3], gen = nextGen(), state = 'open',
  ['until'] = now + recovery, at = now, by = ARGV[4], reason = 'probe-failed', prober = '',
  deadline = 0}, ttl + recovery)
`;
