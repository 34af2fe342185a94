-- bench/wrk/post.lua: POST comment forms, as bench/run saved them from
-- article pages: one "PATH<TAB>BODY" a line, BODY urlencoded with the
-- marker ZZNZZ where each request puts a number of its own, so that no
-- two comments are the same.
--
--   wrk -t1 -c16 -d5s -s bench/wrk/post.lua http://127.0.0.1:PORT \
--       -- FORMS ORIGIN PREFIX
--
-- done() prints "BENCH {json}" like get.lua, plus how many posts were
-- answered 303 (accepted) and how many otherwise.
local threads = {}

function setup(thread)
	thread:set("id", #threads)
	table.insert(threads, thread)
end

function init(args)
	forms = {}
	for line in io.lines(args[1]) do
		local path, body = line:match("^([^\t]+)\t(.*)$")
		if path then
			forms[#forms + 1] = { path = path, body = body }
		end
	end
	assert(#forms > 0, "no forms in " .. args[1])
	headers = {
		["Content-Type"] = "application/x-www-form-urlencoded",
		["Origin"] = args[2],
	}
	prefix = args[3] .. "t" .. id .. "n"
	at = (id * 7) % #forms + 1
	sent = 0
	accepted = 0
	other = 0
end

function request()
	local f = forms[at]
	at = at % #forms + 1
	sent = sent + 1
	local body = f.body:gsub("ZZNZZ", prefix .. sent)
	return wrk.format("POST", f.path, headers, body)
end

function response(status, headers, body)
	if status == 303 then
		accepted = accepted + 1
	else
		other = other + 1
	end
end

function done(summary, latency, requests)
	local e = summary.errors
	local ok, bad = 0, 0
	for _, t in ipairs(threads) do
		ok = ok + t:get("accepted")
		bad = bad + t:get("other")
	end
	io.write(string.format('BENCH {"requests":%d,"duration_us":%d,' ..
	    '"bytes":%d,"connect_errors":%d,"read_errors":%d,' ..
	    '"write_errors":%d,"status_errors":%d,"timeouts":%d,' ..
	    '"p50_us":%d,"p90_us":%d,"p99_us":%d,"p999_us":%d,' ..
	    '"max_us":%d,"mean_us":%.1f,"accepted":%d,"other":%d}\n',
	    summary.requests, summary.duration, summary.bytes, e.connect,
	    e.read, e.write, e.status, e.timeout, latency:percentile(50),
	    latency:percentile(90), latency:percentile(99),
	    latency:percentile(99.9), latency.max, latency.mean, ok, bad))
end
