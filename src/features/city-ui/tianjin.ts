/** The Tianjin UI chunk: form, form schema and evaluation (loaded by `loadCity('tianjin')`). */
import { evaluateTianjin } from '../../engine/cities/tianjin/evaluate';
import { defineCityUi } from '../cities';
import { tianjinFactsFromForm, tianjinFormFactsFromFacts, tianjinFormSchema } from '../facts-form/tianjinSchema';
import { TianjinForm } from '../facts-form/TianjinForm';

export const tianjinUi = defineCityUi({
  city: 'tianjin',
  Form: TianjinForm,
  formSchema: tianjinFormSchema,
  factsFromForm: tianjinFactsFromForm,
  formFactsOf: tianjinFormFactsFromFacts,
  evaluate: evaluateTianjin,
});
