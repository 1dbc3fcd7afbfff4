// Loading data and running actions through the contract, with errors kept as values for display.
import { useCallback, useEffect, useRef, useState } from 'react';
import { App } from 'antd';
import type { ContractMethod, InputOf, OutputOf } from '@shared/api';
import { ApiError, call } from '../api/client';

export interface Query<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** Calls `method` with `input` whenever the serialised input changes; `input` null skips the call. */
export function useQuery<M extends ContractMethod>(method: M, input: InputOf<M> | null): Query<OutputOf<M>> {
  const [state, setState] = useState<{ data?: OutputOf<M>; error: ApiError | null; loading: boolean }>({
    error: null,
    loading: input !== null,
  });
  const [tick, setTick] = useState(0);
  const key = input === null ? null : JSON.stringify(input);
  const seq = useRef(0);
  useEffect(() => {
    if (key === null) return;
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    call(method, JSON.parse(key) as InputOf<M>).then(
      (data) => mine === seq.current && setState({ data, error: null, loading: false }),
      (e: unknown) => mine === seq.current && setState({ error: toApiError(e), loading: false }),
    );
  }, [method, key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** Runs a write; shows success or the error's Chinese message; returns the value or null. */
export function useAction() {
  const { message } = App.useApp();
  return useCallback(
    async <M extends ContractMethod>(method: M, input: InputOf<M>, success?: string): Promise<OutputOf<M> | null> => {
      try {
        const v = await call(method, input);
        if (success) void message.success(success);
        return v;
      } catch (e) {
        void message.error({ content: toApiError(e).message, duration: 6 });
        return null;
      }
    },
    [message],
  );
}

export function toApiError(e: unknown): ApiError {
  return e instanceof ApiError
    ? e
    : new ApiError({ code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) });
}
