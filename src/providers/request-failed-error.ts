import { requestFailure } from '../core/requests/connection-verdict';
import { connectionContext } from './connection-context';

/**
 * A request that got no response at all, with its likely cause: `cors-refused` when something
 * answers at the URL but the browser hid the response from this page, `unreachable` when nothing
 * answers there (see {@link probeReachability}).
 */
export class RequestFailedError extends Error {
  readonly kind = 'request-failed';

  constructor(
    readonly problem: 'cors-refused' | 'unreachable',
    readonly url: string,
    hasKey: boolean,
  ) {
    super(requestFailure(problem, connectionContext(url, hasKey)));
    this.name = 'RequestFailedError';
  }
}
