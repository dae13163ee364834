/** The Shanghai UI chunk: form, form schema and evaluation (loaded by `loadCity('shanghai')`). */
import { evaluateShanghai } from '../../engine/cities/shanghai/evaluate';
import { defineCityUi } from '../cities';
import { shanghaiFactsFromForm, shanghaiFormSchema } from '../facts-form/schema';
import { ShanghaiForm } from '../facts-form/ShanghaiForm';

export const shanghaiUi = defineCityUi({
  city: 'shanghai',
  Form: ShanghaiForm,
  formSchema: shanghaiFormSchema,
  factsFromForm: shanghaiFactsFromForm,
  evaluate: evaluateShanghai,
});
