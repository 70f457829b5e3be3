import { z } from "zod";
import { STEP_SCHEMAS, InputSchema } from "../src/engine/schema/index.js";
console.log(JSON.stringify(z.toJSONSchema(STEP_SCHEMAS.ask, { io: "input" }), null, 1).slice(0, 1500));
