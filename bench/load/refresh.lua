-- wrk script: refresh-token rotation under load. Every request spends one
-- refresh token and queues the fresh one from the answer, so each request
-- takes the normal rotation path (not the reuse interval).
-- TOKENS: a file with one refresh token per line; APIKEY: the publishable key.
-- MAX_PER_THREAD: a thread stops after this many answers (a bound in count).
-- wrk calls request() once per thread before it connects and drops that
-- request, so TOKENS needs one token more than connections; a connection
-- without a token would fall back to GET /health and not refresh at all.
local queue = {}
local limit = tonumber(os.getenv("MAX_PER_THREAD") or "0")
local answered = 0

function init(args)
  for line in io.lines(os.getenv("TOKENS")) do
    table.insert(queue, line)
  end
end

function request()
  local token = table.remove(queue, 1)
  if token == nil then
    return wrk.format("GET", "/auth/v1/health", { ["apikey"] = os.getenv("APIKEY") })
  end
  return wrk.format("POST", "/auth/v1/token?grant_type=refresh_token",
    { ["apikey"] = os.getenv("APIKEY"), ["Content-Type"] = "application/json" },
    '{"refresh_token":"' .. token .. '"}')
end

function response(status, headers, body)
  local token = string.match(body, '"refresh_token":"([^"]+)"')
  if token then table.insert(queue, token) end
  answered = answered + 1
  if limit > 0 and answered >= limit then
    wrk.thread:stop()
  end
end
