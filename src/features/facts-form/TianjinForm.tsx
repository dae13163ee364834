/**
 * The Tianjin facts form, in the order people think: when you apply → about you → social insurance and fund →
 * residence → education and skills → family → deductions. Month counts are entered as of the period's cut-off
 * date, which the form shows next to the period choice.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  insuranceMonthsFact,
  tianjinAwards,
  tianjinEducationLevels,
  tianjinFemalePostTypes,
  tianjinOccupationShortages,
  tianjinProfQualifications,
  tianjinSexes,
  tianjinSkillLevels,
  type TianjinFacts,
} from '../../engine/cities/tianjin/facts';
import { tianjinPacks } from '../../engine/cities/tianjin/packs';
import { applicationWindow, availablePeriods, cutoffOf, formatPeriod, resolvePeriod } from '../../engine/cities/tianjin/period';
import { RETIREMENT_SCHEDULE } from '../../engine/cities/tianjin/retirement';
import { completedYears, isIsoDate } from '../../engine/core/dates';
import { CheckboxField, DateField, DateListField, NumberField, SelectField, YesNoField } from './fields';
import { HomeListField } from './TianjinFields';

function Section({ id, children, note }: { id: string; children: ReactNode; note?: string | null }) {
  const { t } = useTranslation('tianjin');
  return (
    <section className="form-section" aria-labelledby={`section-${id}`}>
      <h2 id={`section-${id}`}>{t(`sections.${id}.title`)}</h2>
      <p className="form-section__intro">{t(`sections.${id}.intro`)}</p>
      {note ? <p className="form-section__intro">{note}</p> : null}
      {children}
    </section>
  );
}

type FactName = keyof TianjinFacts | 'siAllTypesMonths' | 'siTypesDiffer';
type FormFacts = TianjinFacts & { siTypesDiffer?: boolean };

/** The four insurance types that follow the pension answer unless the user says their months differ. */
const otherTypeFacts = Object.values(insuranceMonthsFact).filter((f) => f !== 'siPensionMonths');

/** Applicants under this age are below every statutory retirement age, so sex and post type are not asked. */
const YOUNGEST_RETIREMENT_AGE = Math.min(...Object.values(RETIREMENT_SCHEDULE.value.rules).map((r) => r.originalYears));

/** Months in the last year that make it a continuous year (the cumulative route is asked otherwise). */
const CONTINUOUS_MONTHS = tianjinPacks[tianjinPacks.length - 1]!.params.conditions.value.siContinuousMonths;

/**
 * The answers that decide which questions (and notes) are shown. The form watches only these, so it re-renders when
 * one of them changes rather than on every keystroke (the result re-renders on its own).
 */
const SHOWN_WHEN = [
  'applicationPeriod',
  'birthDate',
  'siTypesDiffer',
  'profQualification',
  'skillLevel',
  'siMonthsLast12',
  'sex',
  'married',
  'spouseActiveMilitary',
] as const satisfies readonly (keyof FormFacts)[];
const SHOWN_WHEN_NAMES = SHOWN_WHEN.map((name) => `facts.${name}`);

export function TianjinForm() {
  const { t } = useTranslation('tianjin');
  const { control, getValues, setValue } = useFormContext();
  const watched = useWatch({ control, name: SHOWN_WHEN_NAMES }) as unknown[];
  const facts = Object.fromEntries(SHOWN_WHEN.map((name, i) => [name, watched[i]])) as Pick<FormFacts, (typeof SHOWN_WHEN)[number]>;
  const asOf = useWatch({ control, name: 'asOf' }) as unknown;

  const label = (name: FactName) => t(`fields.${name}.label`);
  const hint = (name: FactName) => t(`fields.${name}.hint`);
  const field = (name: FactName) => ({ name: `facts.${name}`, label: label(name), hint: hint(name) });
  const options = (group: string, codes: readonly string[]) =>
    codes.map((value) => ({ value, label: t(`options.${group}.${value}`) }));
  const months = t('common:units.months');

  // Application periods open from the as-of date, and the cut-off the answers are counted to.
  const validAsOf = typeof asOf === 'string' && isIsoDate(asOf) ? asOf : null;
  const periodOptions = validAsOf
    ? availablePeriods(validAsOf).map((period) => {
        const applyWindow = applicationWindow(period);
        return {
          value: formatPeriod(period),
          label: t('options.applicationPeriod', { year: period.year, half: period.half, from: applyWindow.from, to: applyWindow.to, cutoff: cutoffOf(period) }),
        };
      })
    : [];
  const current = validAsOf ? resolvePeriod(facts.applicationPeriod, validAsOf).period : null;
  const periodNote = current
    ? t('periodInfo', { cutoff: cutoffOf(current), ...applicationWindow(current) })
    : null;

  const age =
    validAsOf && typeof facts.birthDate === 'string' && isIsoDate(facts.birthDate) && facts.birthDate <= validAsOf
      ? completedYears(facts.birthDate, validAsOf)
      : null;
  const askSex = age !== null && age >= YOUNGEST_RETIREMENT_AGE;

  // One months answer stands for all five insurance types until the user says they differ.
  const typesDiffer = facts.siTypesDiffer === true;
  const previouslyDiffer = useRef(typesDiffer);
  useEffect(() => {
    if (typesDiffer === previouslyDiffer.current) return;
    previouslyDiffer.current = typesDiffer;
    const pension = getValues('facts.siPensionMonths') as unknown;
    for (const fact of otherTypeFacts) {
      setValue(`facts.${fact}`, typesDiffer ? pension : undefined, { shouldValidate: true });
    }
  }, [typesDiffer, getValues, setValue]);

  const hasCertificate =
    (facts.profQualification !== undefined && facts.profQualification !== 'none') ||
    (facts.skillLevel !== undefined && facts.skillLevel !== 'none');
  const lastYearNotFull = facts.siMonthsLast12 === undefined || facts.siMonthsLast12 < CONTINUOUS_MONTHS;

  return (
    <>
      <Section id="period" note={periodNote}>
        <SelectField {...field('applicationPeriod')} options={periodOptions} />
      </Section>

      <Section id="about">
        <DateField {...field('birthDate')} />
        {askSex ? <SelectField {...field('sex')} options={options('sex', tianjinSexes)} /> : null}
        {askSex && facts.sex === 'female' ? (
          <SelectField {...field('femalePostType')} options={options('femalePostType', tianjinFemalePostTypes)} />
        ) : null}
        <YesNoField {...field('residencePermit')} />
        <YesNoField {...field('tianjinEmployer')} />
      </Section>

      <Section id="work">
        <NumberField {...field('siMonthsLast12')} unit={months} />
        {lastYearNotFull ? <NumberField {...field('siMonthsSince2014')} unit={months} /> : null}
        <YesNoField {...field('siPayingNow')} />
        {typesDiffer ? (
          <>
            <NumberField {...field('siPensionMonths')} unit={months} />
            <NumberField {...field('siMedicalMonths')} unit={months} />
            <NumberField {...field('siUnemploymentMonths')} unit={months} />
            <NumberField {...field('siInjuryMonths')} unit={months} />
            <NumberField {...field('siMaternityMonths')} unit={months} />
          </>
        ) : (
          <NumberField name="facts.siPensionMonths" label={label('siAllTypesMonths')} hint={hint('siAllTypesMonths')} unit={months} />
        )}
        <CheckboxField {...field('siTypesDiffer')} />
        <NumberField {...field('fundMonths')} unit={months} />
      </Section>

      <Section id="residence">
        <DateListField {...field('endorsementDates')} />
        <NumberField {...field('rentMonths')} unit={months} />
        <HomeListField {...field('homes')} />
      </Section>

      <Section id="education">
        <SelectField {...field('education')} options={options('education', tianjinEducationLevels)} />
        <SelectField {...field('profQualification')} options={options('profQualification', tianjinProfQualifications)} />
        <SelectField {...field('skillLevel')} options={options('skillLevel', tianjinSkillLevels)} />
        {hasCertificate ? (
          <SelectField {...field('occupationShortage')} options={options('occupationShortage', tianjinOccupationShortages)} />
        ) : null}
        <SelectField {...field('award')} options={options('award', tianjinAwards)} />
      </Section>

      <Section id="family">
        <CheckboxField {...field('married')} />
        {facts.married ? (
          <>
            <DateField {...field('marriageDate')} />
            <CheckboxField {...field('spouseActiveMilitary')} />
            {!facts.spouseActiveMilitary ? <NumberField {...field('spouseSiMonths')} unit={months} /> : null}
          </>
        ) : null}
      </Section>

      <Section id="records">
        <DateListField {...field('crimeSentenceEndDates')} />
        <DateListField {...field('falseInfoDates')} />
      </Section>
    </>
  );
}
