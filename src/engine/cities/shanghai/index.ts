/** The Shanghai city module as registered with the engine. */
import type { CityModule } from '../../core/city';
import { evaluateShanghai } from './evaluate';
import { SHANGHAI_FACTS_VERSION, shanghaiFactsAt, shanghaiFactsShape, type ShanghaiFacts } from './facts';
import { shanghaiFactDescriptions } from './factDescriptions';
import { shanghaiPacks } from './packs';

export const shanghai: CityModule<ShanghaiFacts> = {
  id: 'shanghai',
  factsVersion: SHANGHAI_FACTS_VERSION,
  factsSchema: shanghaiFactsShape,
  factsAt: shanghaiFactsAt,
  evaluate: evaluateShanghai,
  packs: shanghaiPacks,
  schemaInfo: {
    name: 'Shanghai',
    description:
      'Facts about one person for the Shanghai residence-permit points (上海市居住证积分). Every fact is optional; a missing fact leaves a condition unknown or a line not counted. Cross-field checks (no date after the as-of date, months within working life, nested base bands) are applied by the calculator and described in docs/facts.md.',
    factDescriptions: shanghaiFactDescriptions,
  },
};
