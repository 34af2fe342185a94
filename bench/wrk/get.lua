-- bench/wrk/get.lua: GET the paths listed in a file (one a line), in
-- turn, each wrk thread starting at its own place in the list.
--
--   wrk -t2 -c32 -d5s -s bench/wrk/get.lua http://127.0.0.1:PORT -- PATHS [AE]
--
-- AE, if given, is sent as Accept-Encoding (bench/run sends Chromium's,
-- "gzip, deflate, br", as browsers do).
--
-- done() prints one line, "BENCH {json}", that bench/run reads: counts,
-- errors and latency percentiles in microseconds.
local threads = {}

function setup(thread)
	thread:set("id", #threads)
	table.insert(threads, thread)
end

function init(args)
	paths = {}
	for line in io.lines(args[1]) do
		paths[#paths + 1] = line
	end
	assert(#paths > 0, "no paths in " .. args[1])
	if args[2] ~= nil and args[2] ~= "" then
		headers = { ["Accept-Encoding"] = args[2] }
	end
	-- A prime stride apart, so that threads do not walk in step.
	at = (id * 7919) % #paths + 1
end

function request()
	local p = paths[at]
	at = at + 1
	if at > #paths then
		at = 1
	end
	return wrk.format("GET", p, headers)
end

function done(summary, latency, requests)
	local e = summary.errors
	io.write(string.format('BENCH {"requests":%d,"duration_us":%d,' ..
	    '"bytes":%d,"connect_errors":%d,"read_errors":%d,' ..
	    '"write_errors":%d,"status_errors":%d,"timeouts":%d,' ..
	    '"p50_us":%d,"p90_us":%d,"p99_us":%d,"p999_us":%d,' ..
	    '"max_us":%d,"mean_us":%.1f}\n',
	    summary.requests, summary.duration, summary.bytes, e.connect,
	    e.read, e.write, e.status, e.timeout, latency:percentile(50),
	    latency:percentile(90), latency:percentile(99),
	    latency:percentile(99.9), latency.max, latency.mean))
end
