/**
 * Tianjin's 16 districts and the four groups the owned-housing points depend on (津发改社会规〔2022〕4号 and the
 * 2021 table it amends): six central districts, four ring districts, five outer districts, and Binhai New Area.
 */

/** District codes (pinyin), in the order of the official list. */
export const tianjinDistricts = [
  'heping',
  'hedong',
  'hexi',
  'nankai',
  'hebei',
  'hongqiao',
  'dongli',
  'xiqing',
  'jinnan',
  'beichen',
  'wuqing',
  'baodi',
  'ninghe',
  'jinghai',
  'jizhou',
  'binhai',
] as const;
export type TianjinDistrict = (typeof tianjinDistricts)[number];

/** The owned-housing groups: 中心城区六区, 环城四区, 远郊五区, 滨海新区. */
export const tianjinDistrictGroups = ['central6', 'ring4', 'outer5', 'binhai'] as const;
export type TianjinDistrictGroup = (typeof tianjinDistrictGroups)[number];

/** The group of each district, as listed in the housing indicator of the points table. */
export const districtGroupOf = {
  heping: 'central6',
  hedong: 'central6',
  hexi: 'central6',
  nankai: 'central6',
  hebei: 'central6',
  hongqiao: 'central6',
  dongli: 'ring4',
  xiqing: 'ring4',
  jinnan: 'ring4',
  beichen: 'ring4',
  wuqing: 'outer5',
  baodi: 'outer5',
  ninghe: 'outer5',
  jinghai: 'outer5',
  jizhou: 'outer5',
  binhai: 'binhai',
} as const satisfies Record<TianjinDistrict, TianjinDistrictGroup>;
