-- wrk: GET /api/entities/{id} for ids drawn at random from $IDS, as the user of $TOKEN
-- (or, with PEER=1, GET /entity/{id} from the peer server).
local ids = {}
for line in io.lines(os.getenv("IDS")) do ids[#ids + 1] = line end
local token = os.getenv("TOKEN") or ""
local prefix = os.getenv("PEER") == "1" and "/entity/" or "/api/entities/"
local headers = { ["Authorization"] = "Bearer " .. token }

function setup(thread) thread:set("seed", math.random(1, 1000000)) end
function init() math.randomseed(seed) end

function request()
  return wrk.format("GET", prefix .. ids[math.random(#ids)], headers)
end
