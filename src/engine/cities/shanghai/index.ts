/** The Shanghai city module as registered with the engine. */
import type { CityModule } from '../../core/city';
import { evaluateShanghai } from './evaluate';
import { SHANGHAI_FACTS_VERSION, shanghaiFactsAt, shanghaiFactsShape, type ShanghaiFacts } from './facts';
import { shanghaiPacks } from './packs';

export const shanghai: CityModule<ShanghaiFacts> = {
  id: 'shanghai',
  factsVersion: SHANGHAI_FACTS_VERSION,
  factsSchema: shanghaiFactsShape,
  factsAt: shanghaiFactsAt,
  evaluate: evaluateShanghai,
  packs: shanghaiPacks,
};
