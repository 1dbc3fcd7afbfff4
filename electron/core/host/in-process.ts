// The core called on the caller's own thread, through the same dispatch: the command-line tool and
// the tests that read the store directly use this; the desktop app uses CoreHost (its own thread).
import type { AppCore } from '../app-core';
import { dispatch } from '../api/dispatch';
import { type Session } from '../api/session';
import type { JobState } from '../jobs/runner';
import type { CoreCaller } from './core-host';

export interface LocalCore extends CoreCaller {
  onJob(fn: (state: JobState) => void): () => void;
}

/** Every call runs as `session` (the tests' signed-in session), whatever key the caller passes. */
export function inProcess(core: AppCore, session: Session): LocalCore {
  return {
    call: (method, input) => dispatch(core, session, method, input),
    callJson: async (method, input) => JSON.stringify(await dispatch(core, session, method, input)),
    onJob: (fn) => core.jobs.subscribe(fn),
  };
}
