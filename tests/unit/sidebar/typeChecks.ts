// Compile-time checks run by `tsc -b` (not by jest): each @ts-expect-error must meet an error, so if
// a misspelt endpoint or a wrong request ever compiled, type-checking would fail on the unused
// directive. And src/index.ts must implement every sidebar endpoint with a compatible signature.

import type { Server } from '../../../sidebar/server';
import type * as entry from '../../../src';
import type * as Api from '../../../src/api';
import type { ActionResult, Endpoints, SidebarState } from '../../../src/api';
import type { Confidence, Kind, Lang, Role, Severity } from '../../../src/okr/core/model';

declare const server: Server;

export function typeChecks(): void {
  // @ts-expect-error a misspelt endpoint does not exist
  server.chekIn({ id: 'O1', current: 1, confidence: 'on-track' });
  // @ts-expect-error a confidence outside the union does not compile
  server.checkIn({ id: 'O1', current: 1, confidence: 'green' });
  // @ts-expect-error current is a number
  server.checkIn({ id: 'O1', current: '1', confidence: 'on-track' });
  // @ts-expect-error getSidebarState takes no request
  server.getSidebarState({});
  // @ts-expect-error getSidebarStart takes no request
  server.getSidebarStart({});
  const quick: Promise<SidebarState> = server.getSidebarStart();
  void quick;
  const ok: Promise<ActionResult> = server.assignOwner({
    ids: ['O1'],
    email: 'a@b.co',
  });
  void ok;
}

/** src/index.ts implements every sidebar endpoint with a compatible signature. */
type Implemented = Pick<typeof entry, keyof Endpoints>;
export const entryMatches: (e: Implemented) => Endpoints = (e) => e;

/**
 * src/api.ts restates these domain unions for the sidebar's project (which may not pull in server
 * files); each must stay identical to src/okr/core/model.ts. A type argument that is not `true`
 * fails type-checking, so nothing of this reaches the built add-on.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type UnionsAgree = [
  Holds<Same<Api.Kind, Kind>>,
  Holds<Same<Api.Confidence, Confidence>>,
  Holds<Same<Api.Lang, Lang>>,
  Holds<Same<Api.Role, Role>>,
  Holds<Same<Api.Severity, Severity>>,
];
