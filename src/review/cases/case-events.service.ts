import { Inject, Injectable, MessageEvent } from '@nestjs/common';
import { Observable } from 'rxjs';
import { TeamScope } from '../../accounts/team-scope';
import { CASE_EVENT_BUS, CaseEventBus } from '../../cases/events/case-events.types';

/** Case events for one user's scope, as Server-Sent Events (ids and kind only; the page reloads the row). */
@Injectable()
export class CaseEventsService {
  constructor(@Inject(CASE_EVENT_BUS) private readonly bus: CaseEventBus) {}

  streamFor(scope: TeamScope): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      // A comment-like first event: the browser knows the stream is open.
      subscriber.next({ type: 'ready', data: {} });
      const unsubscribe = this.bus.subscribe((event) => {
        if (scope.allows(event.teamId)) {
          subscriber.next({ type: 'case', data: { caseId: event.caseId, kind: event.kind, at: event.at } });
        }
      });
      return unsubscribe;
    });
  }
}
