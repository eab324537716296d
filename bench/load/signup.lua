-- wrk script: anonymous sign-ups (POST /auth/v1/signup with an empty body),
-- the sign-in that creates rows: a user, a session and a refresh token each.
-- APIKEY: the publishable key. MAX_PER_THREAD: a thread stops after this
-- many answers, so a run is bounded in count as well as in time.
local limit = tonumber(os.getenv("MAX_PER_THREAD") or "0")
local answered = 0

function request()
  return wrk.format("POST", "/auth/v1/signup",
    { ["apikey"] = os.getenv("APIKEY"), ["Content-Type"] = "application/json" }, "{}")
end

function response(status, headers, body)
  answered = answered + 1
  if limit > 0 and answered >= limit then
    wrk.thread:stop()
  end
end
