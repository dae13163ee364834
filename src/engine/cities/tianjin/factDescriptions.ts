/** One English sentence per Tianjin fact (unit, window, meaning), published in the JSON Schema. */
import type { TianjinFacts } from './facts';

export const tianjinFactDescriptions = {
  applicationPeriod:
    'Application period as YYYY-1 (applications January–April, facts counted to December 31 of the previous year) or YYYY-2 (July–October, counted to June 30); only the next period from the as-of date or the one after it. Absent: the next period.',
  birthDate: 'Date of birth (YYYY-MM-DD). Age in completed years on the as-of date (the submission date) gives the age points and the retirement check.',
  sex: 'Sex, for the statutory retirement age (men 60 rising to 63 from 2025).',
  femalePostType:
    "Women only: 'cadre' for a management or professional post (originally retiring at 55, rising to 58) or 'worker' for a production post (originally 50, rising to 55).",
  residencePermit: 'Holds a valid Tianjin residence permit (eligibility condition).',
  tianjinEmployer: 'Employed by a Tianjin employer, or has invested in and runs an enterprise in Tianjin (eligibility condition).',
  siMonthsLast12:
    'Months of normal employer-paid Tianjin social insurance in the 12 months up to the cut-off date, without back-payments (eligibility: all 12, or 36 months since 2014).',
  siMonthsSince2014:
    'Cumulative months of normal employer-paid Tianjin social insurance from 2014-01-01 to the cut-off date (eligibility: at least 36 when the last 12 months are not all paid).',
  siPayingNow:
    'Social insurance is paid normally by the Tianjin employer at the time of application, and not in another province at the same time (eligibility condition).',
  siPensionMonths:
    'Qualifying months of Tianjin employee pension insurance up to the cut-off date; back-paid, transferred-in and flexible-employment self-paid months excluded (10 points a year to month 36, 12 a year after).',
  siMedicalMonths:
    'Qualifying months of Tianjin employee medical insurance up to the cut-off date, excluded months left out (3 points a year to month 36, 4 a year after).',
  siUnemploymentMonths:
    'Qualifying months of Tianjin unemployment insurance up to the cut-off date, excluded months left out (3 points a year to month 36, 4 a year after).',
  siInjuryMonths:
    'Qualifying months of Tianjin work-injury insurance up to the cut-off date, excluded months left out (3 points a year to month 36, 4 a year after).',
  siMaternityMonths:
    'Qualifying months of Tianjin maternity insurance up to the cut-off date, excluded months left out (3 points a year to month 36, 4 a year after).',
  fundMonths: 'Months of Tianjin housing provident fund contributions up to the cut-off date (3 points a year to month 60, 4 a year after).',
  endorsementDates:
    'Dates (YYYY-MM-DD) of annual endorsements of a Beijing, Tianjin or Hebei residence permit; the first issuance is not an endorsement (6 points each up to the cut-off, at most one per endorsement year).',
  rentMonths:
    'Months covered by a registered (备案) lease in Tianjin up to the cut-off date, not counting months in which a home listed under homes was already owned (6 points a year).',
  homes:
    'Homes in Tianjin owned by the applicant (or co-owned with spouse, parent or child): district, start date and whether bought new from the developer; only the best single home counts (points per full year by district group, from 2023 plus a one-time bonus for new homes).',
  education: 'Highest state-recognised education (bachelor’s or above 20 points; junior college, or senior technical school advanced class with the senior-worker certificate, 10).',
  profQualification:
    'Professional qualification from the national unified examination, by the title level it equals (senior 30, intermediate 20, junior 15; only the higher of this and the skill level counts).',
  skillLevel:
    'Vocational skill level matching the current post (senior technician 30, technician 20, senior worker 15, intermediate worker 10, junior worker 5; only the higher of this and the qualification counts).',
  occupationShortage:
    'Shortage level of the certificate’s occupation in the yearly Tianjin catalogue (very scarce 25, scarce 15, generally scarce 10), added on top; needs a qualification or skill level.',
  award: 'Highest skills-competition award (national 30, provincial 20).',
  married: 'Married (the marriage points need a spouse employed in Tianjin with at least 24 months of social insurance, or in active military service).',
  marriageDate: 'Date of marriage registration (YYYY-MM-DD); the marriage counts when registered by the cut-off date.',
  spouseSiMonths:
    'Cumulative months of Tianjin social insurance paid through the spouse’s Tianjin employer up to the cut-off date, excluded months left out (at least 24 for the 20 marriage points).',
  spouseActiveMilitary: 'The spouse is an active-duty service member (counts like a spouse employed in Tianjin).',
  crimeSentenceEndDates: 'Dates (YYYY-MM-DD) on which criminal sentences ended (−100 each when the application is within 5 years after).',
  falseInfoDates: 'Dates (YYYY-MM-DD) of records of false information in certificates, proofs or a points application (−30 each within 5 years).',
} as const satisfies Readonly<Record<keyof TianjinFacts, string>>;
