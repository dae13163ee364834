/**
 * The Guangzhou facts form, in the order people think: the round → about you → housing → social insurance →
 * education → patents → work → blood and volunteering → tax → awards → records. Questions that cannot change the
 * result under the table in force (or given earlier answers) are not asked.
 */
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import {
  GUANGZHOU_FIRST_ROUND,
  guangzhouAwardLevels,
  guangzhouEducationLevels,
  guangzhouPatentKinds,
  guangzhouTechnicalLevels,
  type GuangzhouFacts,
} from '../../engine/cities/guangzhou/facts';
import { guangzhouPacks } from '../../engine/cities/guangzhou/packs';
import { roundContext } from '../../engine/cities/guangzhou/rounds';
import { isIsoDate, todayIso } from '../../engine/core/dates';
import { CheckboxField, DateField, DateListField, NumberField, SelectField, YesNoField } from './fields';
import { RecordListField } from './GuangzhouFields';

function Section({ id, children, note }: { id: string; children: ReactNode; note?: ReactNode }) {
  const { t } = useTranslation('guangzhou');
  return (
    <section className="form-section" aria-labelledby={`section-${id}`}>
      <h2 id={`section-${id}`}>{t(`sections.${id}.title`)}</h2>
      <p className="form-section__intro">{t(`sections.${id}.intro`)}</p>
      {note}
      {children}
    </section>
  );
}

type FactName = keyof GuangzhouFacts;

/** The first day of the 2021 table: from then on the housing fund counts and the Conghua/Zengcheng bonus is gone. */
const TABLE_2021_FROM = guangzhouPacks[1]!.validFrom;

/** The round the engine will use for these answers (the as-of year when none or an invalid one is entered). */
function effectiveRound(roundYear: unknown, asOf: string): number | undefined {
  const asOfYear = Number(asOf.slice(0, 4));
  return typeof roundYear === 'number' && Number.isInteger(roundYear) && roundYear >= GUANGZHOU_FIRST_ROUND && roundYear <= asOfYear
    ? roundYear
    : undefined;
}

/** The material cut-off date of the chosen round, as a live note under the round question. */
function CutoffNote({ roundYear, asOf }: { roundYear: unknown; asOf: string }) {
  const { t } = useTranslation('guangzhou');
  const r = roundContext(effectiveRound(roundYear, asOf), asOf, 5, 3);
  return (
    <p className="form-section__intro" aria-live="polite">
      {t(r.referenceCite ? 'sections.round.cutoff' : 'sections.round.cutoffUnknown', { round: r.round, date: r.reference })}
    </p>
  );
}

/**
 * The answers that decide which questions (and notes) are shown. The form watches only these, so it re-renders when
 * one of them changes rather than on every keystroke (the result re-renders on its own).
 */
const SHOWN_WHEN = ['roundYear', 'ownsProperty', 'technicalLevel'] as const satisfies readonly (keyof GuangzhouFacts)[];
const SHOWN_WHEN_NAMES = SHOWN_WHEN.map((name) => `facts.${name}`);

export function GuangzhouForm() {
  const { t } = useTranslation('guangzhou');
  const { control } = useFormContext();
  const watched = useWatch({ control, name: SHOWN_WHEN_NAMES }) as unknown[];
  const facts = Object.fromEntries(SHOWN_WHEN.map((name, i) => [name, watched[i]])) as Pick<GuangzhouFacts, (typeof SHOWN_WHEN)[number]>;
  const watchedAsOf = useWatch({ control, name: 'asOf' }) as unknown;
  const asOf = typeof watchedAsOf === 'string' && isIsoDate(watchedAsOf) ? watchedAsOf : todayIso();
  const table2021 = asOf >= TABLE_2021_FROM;

  const field = (name: FactName) => ({ name: `facts.${name}`, label: t(`fields.${name}.label`), hint: t(`fields.${name}.hint`) });
  const options = (group: string, codes: readonly string[]) => codes.map((value) => ({ value, label: t(`options.${group}.${value}`) }));
  const months = t('common:units.months');
  const yearColumn = { kind: 'number', key: 'year', label: t('rows.year') } as const;
  const taxRows = (name: 'incomeTax' | 'companyTax') => (
    <RecordListField
      {...field(name)}
      columns={[yearColumn, { kind: 'number', key: 'yuan', label: t('rows.yuan'), unit: t('units.yuan'), decimal: true }]}
      rowTitle={(n) => t('rows.taxYear', { n })}
      addLabel={t('rows.addYear')}
      emptyRow={{ year: undefined, yuan: undefined }}
    />
  );

  return (
    <>
      <Section id="round" note={<CutoffNote roundYear={facts.roundYear} asOf={asOf} />}>
        <NumberField {...field('roundYear')} />
      </Section>

      <Section id="about">
        <DateField {...field('birthDate')} />
        <YesNoField {...field('residencePermit')} />
        <NumberField {...field('residencePermitMonths')} unit={months} />
        <YesNoField {...field('employedInGuangzhou')} />
      </Section>

      <Section id="housing">
        <YesNoField {...field('ownsProperty')} />
        {facts.ownsProperty === true && !table2021 ? <CheckboxField {...field('propertyInConghuaOrZengcheng')} /> : null}
        {facts.ownsProperty !== true ? <NumberField {...field('rentalMonths')} unit={months} /> : null}
        <NumberField {...field('movedOutMonths')} unit={months} />
      </Section>

      <Section id="insurance">
        <NumberField {...field('pensionMonths')} unit={months} />
        <NumberField {...field('medicalMonths')} unit={months} />
        <NumberField {...field('unemploymentMonths')} unit={months} />
        <NumberField {...field('workInjuryMonths')} unit={months} />
        <NumberField {...field('maternityMonths')} unit={months} />
        {table2021 ? <NumberField {...field('housingFundMonths')} unit={months} /> : null}
      </Section>

      <Section id="education">
        <SelectField {...field('education')} options={options('education', guangzhouEducationLevels)} />
        <SelectField {...field('technicalLevel')} options={options('technicalLevel', guangzhouTechnicalLevels)} />
        {facts.technicalLevel && facts.technicalLevel !== 'none' ? <CheckboxField {...field('worksInCertifiedOccupation')} /> : null}
      </Section>

      <Section id="innovation">
        <RecordListField
          {...field('patents')}
          columns={[
            { kind: 'select', key: 'kind', label: t('rows.patentKind'), options: options('patentKind', guangzhouPatentKinds) },
            { kind: 'number', key: 'inventors', label: t('rows.patentInventors'), unit: t('common:units.people') },
            ...(table2021 ? [] : [{ kind: 'checkbox', key: 'firstInventor', label: t('rows.patentFirstInventor') } as const]),
            { kind: 'date', key: 'grantDate', label: t('rows.patentGrantDate') },
          ]}
          rowTitle={(n) => t('rows.patent', { n })}
          addLabel={t('rows.addPatent')}
          emptyRow={{ kind: undefined, inventors: undefined, grantDate: undefined }}
        />
        <NumberField {...field('highTechMonths')} unit={months} />
      </Section>

      <Section id="work">
        <CheckboxField {...field('shortageOccupation')} />
        <NumberField {...field('frontLineMonths')} unit={months} />
      </Section>

      <Section id="service">
        <DateListField {...field('bloodDonationDates')} />
        <RecordListField
          {...field('volunteerHours')}
          columns={[yearColumn, { kind: 'number', key: 'hours', label: t('rows.hours'), unit: t('units.hours'), decimal: true }]}
          rowTitle={(n) => t('rows.volunteerYear', { n })}
          addLabel={t('rows.addYear')}
          emptyRow={{ year: undefined, hours: undefined }}
        />
      </Section>

      <Section id="tax">
        {taxRows('incomeTax')}
        {taxRows('companyTax')}
      </Section>

      <Section id="awards">
        <RecordListField
          {...field('awards')}
          columns={[{ kind: 'select', key: 'level', label: t('rows.awardLevel'), options: options('awards', guangzhouAwardLevels) }]}
          rowTitle={(n) => t('rows.award', { n })}
          addLabel={t('rows.addAward')}
          emptyRow={{ level: undefined }}
        />
      </Section>

      <Section id="records">
        <NumberField {...field('badCreditCases')} />
        <DateListField {...field('taxEvasionDates')} />
        <DateListField {...field('publicSecurityPenaltyDates')} />
        <DateListField {...field('criminalPunishmentDates')} />
      </Section>
    </>
  );
}
