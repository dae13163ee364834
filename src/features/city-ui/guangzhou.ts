/** The Guangzhou UI chunk: form, form schema and evaluation (loaded by `loadCity('guangzhou')`). */
import { evaluateGuangzhou } from '../../engine/cities/guangzhou/evaluate';
import { defineCityUi } from '../cities';
import { GuangzhouForm } from '../facts-form/GuangzhouForm';
import { guangzhouFactsFromForm, guangzhouFormSchema } from '../facts-form/guangzhouSchema';

export const guangzhouUi = defineCityUi({
  city: 'guangzhou',
  Form: GuangzhouForm,
  formSchema: guangzhouFormSchema,
  factsFromForm: guangzhouFactsFromForm,
  evaluate: evaluateGuangzhou,
});
