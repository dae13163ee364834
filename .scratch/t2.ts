import * as z from 'zod/mini';
import { shanghaiFactsShape } from '../src/engine/cities/shanghai/facts';
console.log(JSON.stringify(z.toJSONSchema(shanghaiFactsShape), null, 1).slice(0, 3000));
console.log(Object.keys((shanghaiFactsShape as any).def.shape).length, Object.keys(shanghaiFactsShape.shape));
