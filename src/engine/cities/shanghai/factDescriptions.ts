/** One English sentence per Shanghai fact (unit, window, meaning), published in the JSON Schema. */
import type { ShanghaiFacts } from './facts';

export const shanghaiFactDescriptions = {
  birthDate: 'Date of birth (YYYY-MM-DD). Age in completed years on the as-of date gives the age points.',
  residencePermit: 'Holds a valid Shanghai residence permit (eligibility condition).',
  education: 'Highest education level held (education points; the higher of education and title counts).',
  educationVerified:
    'The education is state-recognised and verifiable on 学信网 (foreign degrees: 留服 recognition). false: education scores 0.',
  title: 'Professional title or vocational skill level (title points; the higher of education and title counts).',
  titleMatchesPost: 'The title or skill matches the post the employer appointed the holder to (聘任). false: title scores 0.',
  titleBaseMonthsLast12:
    'Months in the last 12 with a social-insurance base of at least 1× the average wage (needed for the 100 and 140 title tiers: at least 6).',
  shortageMajor: 'Holds a full-time junior-college major listed in the shortage-major catalogue (紧缺急需专业), job matching.',
  siMonthsLast12:
    'Months of Shanghai employee social insurance in the last 12 months, back-payments excluded (eligibility from 2018: at least 6).',
  siPayingNow: 'Employed and paying Shanghai employee social insurance in the application month (eligibility from 2018).',
  siMonthsTotal:
    'Cumulative months of Shanghai employee social insurance, excluding back-paid months and months paid by another employer than the one on the labour contract (3 points per full year).',
  siBase08Months: 'Months in the last 48 with a contribution base of at least 0.8× the average wage (25 points from 36 months).',
  siBase1Months: 'Months in the last 48 with a contribution base of at least 1× the average wage (50 points from 36 months).',
  siBase2Months: 'Months in the last 48 with a contribution base of at least 2× the average wage (100 points from 36 months).',
  siBaseCeilingMonths:
    'Months in the last 36 with a contribution base at the ceiling (3× the average wage) (120 points from 24 months).',
  sanitationMonths: 'Months employed in the designated public-service field (环卫) (4 points per full year, counted from 5 full years).',
  remoteArea: 'Works and lives in a remote key area (远郊重点区域) or the Lingang new area (临港新片区).',
  remoteAreaMonths:
    'Months working and living in that area (2 points per full year, cap 20; counted from 5 full years, Lingang from 3 and, from 2024-08-21, from the first).',
  spouseShanghaiHukou: 'The spouse holds a Shanghai hukou (4 points per full year of marriage, cap 40).',
  marriageDate: 'Date of marriage (YYYY-MM-DD), for the spouse points.',
  freshGraduate: 'Full-time fresh university graduate (应届), as declared (10 points).',
  investTaxShareYuan:
    "Personal share, in yuan, of the invested company's average yearly tax over the last 3 years (10 points per full 100,000 yuan, cap 120).",
  investHukouHires:
    "The invested company's average yearly number of Shanghai-hukou employees over the last 3 years (10 points per full 10 people, cap 120; the larger of tax and hires counts).",
  entrepreneur: 'Qualifies as an entrepreneur (创业人才) or innovation intermediary (创新创业中介服务人才) (120 points).',
  awards: 'Government awards won while working in Shanghai, one entry per award (the highest single award counts).',
  falseMaterialDates: 'Dates (YYYY-MM-DD) on which false materials were found (−150 each within 3 years).',
  detentionDates: 'Dates (YYYY-MM-DD) of administrative detention records (−50 each within 5 years).',
  crimeDates: 'Dates (YYYY-MM-DD) of general criminal records (−150 each within 5 years).',
  familyPlanningViolation: 'Has a record of violating family-planning policy (veto: not eligible).',
  seriousCrime: 'Has a serious criminal record (veto: not eligible).',
} as const satisfies Record<keyof ShanghaiFacts, string>;
