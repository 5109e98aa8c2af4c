-- wrk script for bench/scale/measure.sh and bench/redmine/measure.sh: counts every answer that is not 2xx as an error (wrk
-- itself counts only >= 400 and socket errors), and prints one machine-readable line at the end.
-- The Authorization header, where an endpoint needs one, comes from wrk's -H option.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  responses = 0
end

function response(status, headers, body)
  responses = responses + 1
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad, seen = 0, 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("non2xx")
    seen = seen + t:get("responses")
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  io.write(string.format(
    "RESULT requests=%d responses=%d non2xx=%d socket_errors=%d seconds=%.3f p50_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    summary.requests, seen, bad, socket, summary.duration / 1e6,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
