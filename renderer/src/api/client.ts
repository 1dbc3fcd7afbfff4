// The renderer's typed view of window.api (exposed by the preload, or by the e2e harness).
// Calls return Result values; `call` unwraps them and throws ApiError for the UI's error display.
import type { ApiClient, ContractMethod, InputOf, OutputOf } from '@shared/api';
import type { AppErrorShape, Result } from '@shared/result';
import { translate } from '../i18n/format';

declare global {
  interface Window {
    api: ApiClient;
  }
}

export class ApiError extends Error {
  constructor(readonly error: AppErrorShape) {
    super(error.message);
  }
}

export async function call<M extends ContractMethod>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const fn = window.api?.[method] as unknown as ((i: InputOf<M>) => Promise<Result<OutputOf<M>>>) | undefined;
  if (!fn) {
    // outside React: the language the provider set on the page
    const lang = document.documentElement.lang === 'en' ? 'en' : 'zh';
    throw new ApiError({ code: 'INTERNAL', message: translate(lang, 'api.missingMethod', { method }) });
  }
  const result = await fn(input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
