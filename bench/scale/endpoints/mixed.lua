-- wrk script for the sustained-load mode of bench/scale/measure.sh: cycles through the requests
-- listed in a file (one per line: "path<TAB>bearer token or -"), each thread starting at a
-- different line, and counts every answer that is not 2xx as an error.
-- Usage: wrk ... -s mixed.lua http://127.0.0.1:PORT -- requests.tsv
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  responses = 0
  reqs = {}
  for line in io.lines(args[1]) do
    local path, token = line:match("^([^\t]+)\t([^\t]+)$")
    if path then
      local headers = {}
      if token ~= "-" then
        headers["Authorization"] = "Bearer " .. token
      end
      table.insert(reqs, wrk.format("GET", path, headers))
    end
  end
  i = id or 0
end

function request()
  i = i % #reqs + 1
  return reqs[i]
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
