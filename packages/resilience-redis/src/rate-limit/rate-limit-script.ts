// The admission script, run atomically inside Redis: a weighted sliding log per key, kept as
// per-slot counters, deciding a whole batch of one process's concurrent takes in one call.
//
// A log, not GCRA: "in any window of W ms at most cap weight", whatever the window's alignment
// (a token bucket with burst admits up to twice the cap across a window border). An admission at
// t (>= every earlier one's: waiting callers keep FIFO order) is admitted only if the window
// (t - W, t] ending at it stays within the cap; the heaviest window ends at an admission.
//
// Slots of ceil(W / n) ms: field "<k>" holds the weight admitted in slot k, "m<k>" its newest
// time. A check counts every slot that can hold an admission inside (t - W, t], the oldest whole
// unless its newest time is out: never below the true sum (the guarantee stays exact), at the
// price of refusing or delaying up to one slot longer than an exact log. Time is Redis's TIME in
// whole ms. KEYS[1] = the key's hash: the slots, "win", "low" = lowest slot, "sum" = all slots'
// weight, "last" = newest admission, "exp" = expiry (refreshed when less than a window after
// "last"). A batch in the common case (script-common-case.ts): one HMGET, one HSET. ARGV: op, n, W, then per op:
//   take:   hold (a lease's spending time, at most W / n), then quadruples weight, cap, maxWaitMs,
//           lease (lease > 0: first try to admit `lease` weight without waiting, counted at its
//           grant + hold, else `weight`) → {now, c, then ok, ms, slot, granted per take after
//           the first c} (the first c were admitted at once with their own weight; ms = waitMs
//           when ok, else retryAfterMs; granted = the weight admitted)
//   refund: slot, weight, at → {now}        seed: pairs of time and weight → {now}

import { COMMON_CASE } from "./script-common-case";

export const RATE_LIMIT_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local key, op, n, win = KEYS[1], ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local size = math.ceil(win / n)
local lo0, hi0 = math.floor((now - win + 1) / size), math.floor(now / size)
-- Slot numbers (< 1e14) as strings once: number formatting is the costly part of a short script.
local los, his = tostring(lo0), tostring(hi0)
local meta = redis.call('HMGET', key, 'win', 'low', 'last', 'sum', 'exp', los, 'm' .. los, his, 'm' .. his)
local low, last, sum, exp = tonumber(meta[2]), tonumber(meta[3]) or 0, tonumber(meta[4]) or 0, tonumber(meta[5]) or 0
${COMMON_CASE}
local function slotOf(ms) return math.floor(ms / size) end
local w, m, changed = {}, {}, {}
-- What the key holds now: 'win' and 'low' are written only when they change (fewer fields set).
local win0, low0 = tonumber(meta[1]), low
w[lo0], m[lo0] = tonumber(meta[6]) or 0, tonumber(meta[7]) or 0
w[hi0], m[hi0] = tonumber(meta[8]) or 0, tonumber(meta[9]) or 0
local function ensure(from, to)
  if from == to and w[from] ~= nil then return end
  local f, ks = {}, {}
  for k = from, to do if w[k] == nil then ks[#ks + 1] = k f[#f + 1] = k f[#f + 1] = 'm' .. k end end
  if #f == 0 then return end
  local v = redis.call('HMGET', key, unpack(f))
  for i = 1, #ks do w[ks[i]], m[ks[i]] = tonumber(v[2 * i - 1]) or 0, tonumber(v[2 * i]) or 0 end
end
if meta[1] and tonumber(meta[1]) ~= win then
  -- The key's window changed: what was logged counts as one lump at its newest time (conservative).
  redis.call('DEL', key)
  w, m, low, exp, win0, low0 = {}, {}, nil, 0, nil, nil
  if sum > 1e-9 and last > now - win then
    local k = slotOf(last)
    w[k], m[k], changed[k], low = sum, last, true, k
  else sum = 0 end
end
if low and low < lo0 then
  -- Slots wholly before every window still to be checked: drop them.
  if lo0 - low > 4 * n then
    local names, del = redis.call('HKEYS', key), {}
    for i = 1, #names do
      local k = tonumber(string.match(names[i], '^m?(%d+)$'))
      if k and k < lo0 then
        del[#del + 1] = names[i]
        if names[i] == tostring(k) then sum = sum - (tonumber(redis.call('HGET', key, k)) or 0) end
      end
    end
    if #del > 0 then redis.call('HDEL', key, unpack(del)) end
  else
    ensure(low, lo0 - 1)
    local del = {}
    for k = low, lo0 - 1 do sum = sum - w[k] del[#del + 1] = k del[#del + 1] = 'm' .. k end
    redis.call('HDEL', key, unpack(del))
  end
  low = lo0
  if sum < 1e-9 then sum = 0 end
end
local function save()
  local f = {'last', last, 'sum', sum}
  if win0 ~= win then f[#f + 1] = 'win' f[#f + 1] = win end
  if low and low ~= low0 then f[#f + 1] = 'low' f[#f + 1] = low end
  for k in pairs(changed) do f[#f + 1] = k f[#f + 1] = w[k] f[#f + 1] = 'm' .. k f[#f + 1] = m[k] end
  if exp < math.max(last, now) + win then
    exp = math.max(last, now) + 2 * win + 1000
    f[#f + 1] = 'exp' f[#f + 1] = exp
    redis.call('HSET', key, unpack(f))
    redis.call('PEXPIREAT', key, exp)
  else
    redis.call('HSET', key, unpack(f))
  end
end
-- The weight in the window ending at start, and the oldest slot that may hold part of it; the
-- same for every take of a batch that starts at the same time (admissions land at or after it).
local seen, seenIn, seenFirst = nil, 0, 0
local function window(start)
  if start == seen then return sum - seenIn, seenFirst end
  local lo, out = slotOf(start - win + 1), 0
  if low and lo > low then
    ensure(low, lo)
    for k = low, lo - 1 do out = out + w[k] end
  else
    ensure(lo, lo)
  end
  local first = lo
  if (m[lo] or 0) <= start - win then first = lo + 1 out = out + (w[lo] or 0) end
  seen, seenIn, seenFirst = start, out, first
  return sum - out, first
end
-- hold > 0 (a lease): counted at at + hold, its last possible spend, so that every window holding
-- a spend counts it; hold <= one slot, so it lies at most one slot past the newest admission's.
local function decide(weight, cap, maxWait, hold)
  local start = math.max(now, last)
  local inWin, first = window(start)
  local at = start
  if inWin + weight > cap + 1e-9 then
    local need, hi = inWin + weight - cap, slotOf(start) + 1
    at = math.huge
    ensure(first, hi)
    for k = first, hi do
      if w[k] > 0 then
        need = need - w[k]
        if need <= 1e-9 then at = m[k] + win break end
      end
    end
  end
  local wait = at - now
  if wait > maxWait then return 0, math.min(wait, 1e15), 0 end
  local c = at + hold
  local k = slotOf(c)
  ensure(k, k)
  w[k], m[k], changed[k], sum = w[k] + weight, math.max(m[k], c), true, sum + weight
  if at > last then last = at end
  if not low or k < low then low = k end
  return 1, wait, k
end
if op == 'take' then
  -- out[2] counts the leading takes admitted at once with their own weight (most batches: all).
  local out, hold, j = {now, 0}, tonumber(ARGV[4]), 2
  -- While nothing waits (last <= now), a take without a lease that fits is decide(weight) at now,
  -- inlined: counted in the current slot, whose newest time and the key's 'last' are set after.
  local plain, inWin = last <= now, 0
  local function counted()
    m[hi0], changed[hi0], last = math.max(m[hi0], now), true, now
    if not low or hi0 < low then low = hi0 end
  end
  if plain then inWin = window(now) ensure(hi0, hi0) end
  for i = 5, #ARGV - 3, 4 do
    local weight, cap, lease = tonumber(ARGV[i]), tonumber(ARGV[i + 1]), tonumber(ARGV[i + 3])
    if plain and lease == 0 and inWin + weight <= cap + 1e-9 then
      inWin, sum, w[hi0], out[2] = inWin + weight, sum + weight, w[hi0] + weight, out[2] + 1
    else
      if plain and out[2] > 0 then counted() end
      plain = false
      local ok, ms, k, granted = 0, 0, 0, weight
      if lease > 0 then ok, ms, k = decide(lease, cap, 0, hold) granted = lease end
      if ok == 0 then ok, ms, k = decide(weight, cap, tonumber(ARGV[i + 2]), 0) granted = weight end
      out[j + 1], out[j + 2], out[j + 3], out[j + 4], j = ok, ms, k, ok == 1 and granted or 0, j + 4
    end
  end
  if plain and out[2] > 0 then counted() end
  save()
  return out
end
if op == 'refund' then
  local k, weight, at = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
  if k and low and k >= low then
    ensure(k, k)
    if w[k] > 0 then
      local taken = math.min(weight, w[k])
      w[k], sum, changed[k] = w[k] - taken, sum - taken, true
      if w[k] <= 1e-9 then redis.call('HDEL', key, k, 'm' .. k) changed[k], w[k] = nil, 0 end
      if at >= last then
        local top = slotOf(last)
        ensure(low, top)
        last = 0
        for j = top, low, -1 do if w[j] > 0 then last = m[j] break end end
      end
    end
  end
  save()
  return {now}
end
if op == 'seed' then
  for i = 4, #ARGV - 1, 2 do
    local at, sw = math.ceil(tonumber(ARGV[i])), tonumber(ARGV[i + 1])
    if at > now - win then
      local k = slotOf(at)
      ensure(k, k)
      w[k], m[k], changed[k], sum = w[k] + sw, math.max(m[k], at), true, sum + sw
      if at > last then last = at end
      if not low or k < low then low = k end
    end
  end
  save()
  return {now}
end
return redis.error_reply('peak rate limit: unknown op ' .. tostring(op))
`;
