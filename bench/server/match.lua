-- wrk: POST /match/default with one yente query a request: a name from $NAMES,
-- misspelt half the time (one letter dropped), as the user of $TOKEN.
local names = {}
for line in io.lines(os.getenv("NAMES")) do names[#names + 1] = line end
local headers = { ["Authorization"] = "Bearer " .. (os.getenv("TOKEN") or ""), ["Content-Type"] = "application/json" }

function setup(thread) thread:set("seed", math.random(1, 1000000)) end
function init() math.randomseed(seed) end

local function quote(s) return '"' .. s:gsub('\\', '\\\\'):gsub('"', '\\"') .. '"' end

function request()
  local name = names[math.random(#names)]
  if math.random() < 0.5 and #name > 6 then
    local at = math.random(2, #name - 1)
    -- drop one ASCII letter (leave multi-byte characters whole)
    if name:byte(at) < 128 and name:byte(at + 1) < 128 and name:byte(at - 1) < 128 then
      name = name:sub(1, at - 1) .. name:sub(at + 1)
    end
  end
  local body = '{"queries":{"q":{"schema":"Person","properties":{"name":[' .. quote(name) .. ']}}}}'
  return wrk.format("POST", "/match/default", headers, body)
end
