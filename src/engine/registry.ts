/** City id → city module. Cities not yet implemented are listed in `plannedCities` so the UI can show them. */
import type { CityModule } from './core/city';
import type { CityId } from './core/types';
import { guangzhou } from './cities/guangzhou';
import { shanghai } from './cities/shanghai';
import { tianjin } from './cities/tianjin';

export const cityModules = {
  shanghai,
  guangzhou,
  tianjin,
} as const satisfies Partial<Record<CityId, CityModule<Record<string, unknown>>>>;

export type SupportedCity = keyof typeof cityModules;

export const supportedCities = Object.keys(cityModules) as SupportedCity[];

/** Cities shown in the city choice but not yet scored. */
export const plannedCities: readonly CityId[] = [];

export function isSupportedCity(value: unknown): value is SupportedCity {
  return typeof value === 'string' && Object.hasOwn(cityModules, value);
}
