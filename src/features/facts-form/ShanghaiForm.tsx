/** The Shanghai facts form, in the order people think: about you → education → work → family → extras → records. */
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import {
  shanghaiAwardLevels,
  shanghaiEducationLevels,
  shanghaiRemoteAreas,
  shanghaiTitleLevels,
  type ShanghaiFacts,
} from '../../engine/cities/shanghai/facts';
import { shanghaiPacks } from '../../engine/cities/shanghai/packs';
import { BandFinder } from './BandFinder';
import {
  CheckboxField,
  DateField,
  DateListField,
  MultiCheckField,
  NumberField,
  SelectField,
  YesNoField,
} from './fields';

function Section({ id, children }: { id: string; children: ReactNode }) {
  const { t } = useTranslation('shanghai');
  return (
    <section className="form-section" aria-labelledby={`section-${id}`}>
      <h2 id={`section-${id}`}>{t(`sections.${id}.title`)}</h2>
      <p className="form-section__intro">{t(`sections.${id}.intro`)}</p>
      {children}
    </section>
  );
}

type FactName = keyof ShanghaiFacts;

/** Title codes whose points reach the SI-base gate tier (100 and 140), read from the newest pack. */
const newestParams = shanghaiPacks[shanghaiPacks.length - 1]!.params;
const gatedTitles = new Set(
  shanghaiTitleLevels.filter((code) => newestParams.title.value[code] >= newestParams.titleGate.value.fromPoints),
);

/**
 * The answers that decide which questions are shown. The form watches only these, so it re-renders when one of
 * them changes rather than on every keystroke (the result re-renders on its own).
 */
const SHOWN_WHEN = ['education', 'title', 'remoteArea', 'spouseShanghaiHukou'] as const satisfies readonly (keyof ShanghaiFacts)[];
const SHOWN_WHEN_NAMES = SHOWN_WHEN.map((name) => `facts.${name}`);

export function ShanghaiForm() {
  const { t } = useTranslation('shanghai');
  const { control } = useFormContext();
  const watched = useWatch({ control, name: SHOWN_WHEN_NAMES }) as unknown[];
  const facts = Object.fromEntries(SHOWN_WHEN.map((name, i) => [name, watched[i]])) as Pick<ShanghaiFacts, (typeof SHOWN_WHEN)[number]>;

  const label = (name: FactName) => t(`fields.${name}.label`);
  const hint = (name: FactName) => t(`fields.${name}.hint`);
  const field = (name: FactName) => ({ name: `facts.${name}`, label: label(name), hint: hint(name) });
  const options = (group: string, codes: readonly string[]) =>
    codes.map((value) => ({ value, label: t(`options.${group}.${value}`) }));
  const months = t('common:units.months');

  return (
    <>
      <Section id="about">
        <DateField {...field('birthDate')} />
        <YesNoField {...field('residencePermit')} />
      </Section>

      <Section id="education">
        <SelectField {...field('education')} options={options('education', shanghaiEducationLevels)} />
        {facts.education && facts.education !== 'none' ? <YesNoField {...field('educationVerified')} /> : null}
        <SelectField {...field('title')} options={options('title', shanghaiTitleLevels)} />
        {facts.title && facts.title !== 'none' && facts.title !== 'juniorTitle' ? (
          <YesNoField {...field('titleMatchesPost')} />
        ) : null}
        {facts.title && gatedTitles.has(facts.title) ? (
          <NumberField {...field('titleBaseMonthsLast12')} unit={months} />
        ) : null}
        <CheckboxField {...field('shortageMajor')} />
      </Section>

      <Section id="work">
        <NumberField {...field('siMonthsLast12')} unit={months} />
        <YesNoField {...field('siPayingNow')} />
        <NumberField {...field('siMonthsTotal')} unit={months} />
        <NumberField {...field('siBase08Months')} unit={months} />
        <NumberField {...field('siBase1Months')} unit={months} />
        <NumberField {...field('siBase2Months')} unit={months} />
        <NumberField {...field('siBaseCeilingMonths')} unit={months} />
        <BandFinder />
        <NumberField {...field('sanitationMonths')} unit={months} />
        <SelectField {...field('remoteArea')} options={options('remoteArea', shanghaiRemoteAreas)} />
        {facts.remoteArea && facts.remoteArea !== 'none' ? (
          <NumberField {...field('remoteAreaMonths')} unit={months} />
        ) : null}
      </Section>

      <Section id="family">
        <CheckboxField {...field('spouseShanghaiHukou')} />
        {facts.spouseShanghaiHukou ? <DateField {...field('marriageDate')} /> : null}
      </Section>

      <Section id="extras">
        <CheckboxField {...field('freshGraduate')} />
        <MultiCheckField {...field('awards')} options={options('awards', shanghaiAwardLevels)} />
        <NumberField {...field('investTaxShareYuan')} unit={t('common:units.yuanPerYear')} step="any" />
        <NumberField {...field('investHukouHires')} unit={t('common:units.people')} step="any" />
        <CheckboxField {...field('entrepreneur')} />
      </Section>

      <Section id="records">
        <DateListField {...field('falseMaterialDates')} />
        <DateListField {...field('detentionDates')} />
        <DateListField {...field('crimeDates')} />
        <CheckboxField {...field('familyPlanningViolation')} />
        <CheckboxField {...field('seriousCrime')} />
      </Section>
    </>
  );
}
