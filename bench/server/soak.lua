-- wrk: the 60 s soak, four entity fetches to one screening, every answer checked.
local ids, names = {}, {}
for line in io.lines(os.getenv("IDS")) do ids[#ids + 1] = line end
for line in io.lines(os.getenv("NAMES")) do names[#names + 1] = line end
local token = os.getenv("TOKEN") or ""
local get_headers = { ["Authorization"] = "Bearer " .. token }
local post_headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
local bad = 0

function setup(thread) thread:set("seed", math.random(1, 1000000)) end
function init() math.randomseed(seed) end

function request()
  if math.random(5) == 1 then
    local name = names[math.random(#names)]:gsub('\\', ''):gsub('"', '')
    return wrk.format("POST", "/match/default", post_headers,
                      '{"queries":{"q":{"schema":"Person","properties":{"name":["' .. name .. '"]}}}}')
  end
  return wrk.format("GET", "/api/entities/" .. ids[math.random(#ids)], get_headers)
end

function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end
