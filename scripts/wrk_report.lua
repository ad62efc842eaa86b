-- wrk script of `make bench-scale` (scripts/bench_scale.py).
--
--   wrk ... -s scripts/wrk_report.lua URL -- MODE NONCE
--
-- MODE "same" requests URL every time (what a page cache sees from many
-- visitors); MODE "unique" appends `_bench=NONCE-THREAD-N` to every request, so
-- no two requests share an address and each one misses any page cache. NONCE
-- keeps the addresses of one run apart from those of every other run.
--
-- At the end it prints one line, `WRK_RESULT {json}`, with the request count,
-- the duration and bytes read, the errors by kind and the latency percentiles
-- in microseconds, for bench_scale.py to parse.

local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_number", thread_count)
end

local unique = false
local prefix = ""
local counter = 0

function init(args)
  unique = args[1] == "unique"
  if unique then
    local separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
    prefix = wrk.path .. separator .. "_bench=" .. (args[2] or "0") .. "-"
      .. tostring(thread_number) .. "-"
  end
end

function request()
  if not unique then
    return wrk.format()
  end
  counter = counter + 1
  return wrk.format(nil, prefix .. counter)
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "WRK_RESULT {\"requests\": %d, \"duration_us\": %d, \"bytes\": %d, "
      .. "\"errors_connect\": %d, \"errors_read\": %d, \"errors_write\": %d, "
      .. "\"errors_status\": %d, \"errors_timeout\": %d, "
      .. "\"p50_us\": %.0f, \"p95_us\": %.0f, \"p99_us\": %.0f, \"max_us\": %.0f}\n",
    summary.requests, summary.duration, summary.bytes,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max
  ))
end
