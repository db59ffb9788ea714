-- wrk script: POST the same signed webhook on every request (body and token from files).
local function slurp(path)
  local file = assert(io.open(path, "rb"))
  local data = file:read("*a")
  file:close()
  return data
end
local token = slurp(os.getenv("PNM_BENCH_TOKEN"))
wrk.method = "POST"
wrk.body = slurp(os.getenv("PNM_BENCH_BODY"))
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = token
wrk.headers["Hash-Token"] = token
wrk.headers["User-Agent"] = "Go-http-client/1.1"

