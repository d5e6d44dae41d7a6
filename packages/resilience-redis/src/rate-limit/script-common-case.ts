// The admission script's common case, decided right after the key's HMGET (see
// rate-limit-script.ts for the names in scope: now, win, lo0, his, meta, low, last, sum, exp):
// a warm key, nothing waiting (last <= now keeps a waiting take's FIFO place), no slot to drop,
// an expiry that needs no refresh, no lease asked, and every take of the batch fits at now.
// Then the batch costs one HSET and no table or closure; it is the decision the general path
// makes for the same batch. Anything else (a take that does not fit, a lease) falls through to
// the general path, which decides the whole batch again: nothing has been written yet.

/** Lua: returns {now, takes} when every take of the batch is admitted at once; else falls through. */
// Stryker disable next-line StringLiteral: without this shortcut every batch takes the general path, which makes the same decisions and writes the same fields (script-common-case.test.ts compares them); only Redis time differs
export const COMMON_CASE = `
if op == 'take' and low and low >= lo0 and last <= now and exp >= now + win and tonumber(meta[1]) == win then
  local inWin, total, c, takes = sum, 0, 0, (#ARGV - 4) / 4
  if (tonumber(meta[7]) or 0) <= now - win then inWin = sum - (tonumber(meta[6]) or 0) end
  for i = 5, #ARGV - 3, 4 do
    local weight = tonumber(ARGV[i])
    if ARGV[i + 3] ~= '0' or inWin + total + weight > tonumber(ARGV[i + 1]) + 1e-9 then break end
    total, c = total + weight, c + 1
  end
  if c == takes then
    local ns = tostring(now)
    local newest = math.max(tonumber(meta[9]) or 0, now)
    redis.call('HSET', key, 'last', ns, 'sum', sum + total, his, (tonumber(meta[8]) or 0) + total,
      'm' .. his, newest == now and ns or newest)
    return {now, c}
  end
end
`;
