/** The Guangzhou city module as registered with the engine. */
import type { CityModule } from '../../core/city';
import { evaluateGuangzhou } from './evaluate';
import {
  GUANGZHOU_FACTS_VERSION,
  guangzhouFactDescriptions,
  guangzhouFactsAt,
  guangzhouFactsShape,
  type GuangzhouFacts,
} from './facts';
import { guangzhouPacks } from './packs';

export const guangzhou: CityModule<GuangzhouFacts> = {
  id: 'guangzhou',
  factsVersion: GUANGZHOU_FACTS_VERSION,
  factsSchema: guangzhouFactsShape,
  factsAt: guangzhouFactsAt,
  evaluate: evaluateGuangzhou,
  packs: guangzhouPacks,
  schemaInfo: {
    name: 'Guangzhou',
    description:
      'Facts about one person for the Guangzhou migrant points system (广州市来穗人员积分制) and points-based hukou (积分制入户). Every fact is optional; a missing fact leaves a condition unknown or a line not counted. Age and the 5-year and tax-year windows are counted on the material cut-off date of the chosen round. Cross-field checks (no date or year after the as-of date, round year not after the as-of year, employment months within working life) are applied by the calculator and described in docs/facts.md.',
    factDescriptions: guangzhouFactDescriptions,
  },
};
