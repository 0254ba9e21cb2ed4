-- wrk script for @switchyard/bench: sends one fixed request, read from the file named by the first script
-- argument (line 1: method and path; then "Name: value" header lines; a blank line; then the body), and prints
-- one "BENCH_JSON {...}" line with the counts, errors and latency percentiles (microseconds) when the run ends.
local request_text

function init(args)
  local file = assert(io.open(args[1], "rb"))
  local text = file:read("*a")
  file:close()
  local head, body = text:match("^(.-)\n\n(.*)$")
  local lines = {}
  for line in head:gmatch("[^\n]+") do
    lines[#lines + 1] = line
  end
  local method, path = lines[1]:match("^(%S+)%s+(%S+)$")
  local headers = {}
  for i = 2, #lines do
    local name, value = lines[i]:match("^([^:]+):%s*(.*)$")
    headers[name] = value
  end
  request_text = wrk.format(method, path, headers, body)
end

function request()
  return request_text
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"durationUs":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latencyUs":{"mean":%.1f,"max":%d,"p50":%d,"p90":%d,"p99":%d}}\n',
    summary.requests, summary.duration, summary.bytes,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    latency.mean, latency.max, latency:percentile(50), latency:percentile(90), latency:percentile(99)))
end
