/** The Tianjin city module as registered with the engine. */
import type { CityModule } from '../../core/city';
import { evaluateTianjin } from './evaluate';
import { tianjinFactDescriptions } from './factDescriptions';
import { TIANJIN_FACTS_VERSION, tianjinFactsAt, tianjinFactsShape, type TianjinFacts } from './facts';
import { tianjinPacks } from './packs';

export const tianjin: CityModule<TianjinFacts> = {
  id: 'tianjin',
  factsVersion: TIANJIN_FACTS_VERSION,
  factsSchema: tianjinFactsShape,
  factsAt: tianjinFactsAt,
  evaluate: evaluateTianjin,
  packs: tianjinPacks,
  schemaInfo: {
    name: 'Tianjin',
    description:
      'Facts about one person for the Tianjin residence-permit points (天津市居住证积分 / 积分落户). Every fact is optional; a missing fact leaves a condition unknown or a line not counted. Month counts are entered as of the application period’s cut-off date (December 31 of the previous year for period 1, June 30 for period 2) and leave out back-paid, transferred-in and flexible-employment self-paid months. Cross-field checks (no date after the as-of date, months within working life and since 2014, the period open on the as-of date or the next one, rented months not overlapping owned months) are applied by the calculator and described in docs/facts.md.',
    factDescriptions: tianjinFactDescriptions,
  },
};
