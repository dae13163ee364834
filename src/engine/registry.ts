/** City id → city module. Cities not yet implemented are listed in `plannedCities` so the UI can show them. */
import type { CityModule } from './core/city';
import type { CityId } from './core/types';
import type { SupportedCity } from './cityIds';
import { guangzhou } from './cities/guangzhou';
import { shanghai } from './cities/shanghai';
import { tianjin } from './cities/tianjin';

export const cityModules = {
  shanghai,
  guangzhou,
  tianjin,
} as const satisfies Record<SupportedCity, CityModule<Record<string, unknown>>>;

export { isSupportedCity, supportedCities, type SupportedCity } from './cityIds';

/** Cities shown in the city choice but not yet scored. */
export const plannedCities: readonly CityId[] = [];
