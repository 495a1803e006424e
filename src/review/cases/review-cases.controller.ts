import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
  Sse,
  MessageEvent,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Observable } from 'rxjs';
import { AuthenticatedUser, actorOf } from '../../accounts/accounts.types';
import { TeamScope } from '../../accounts/team-scope';
import { CaseQueueRepository } from '../../cases/case-queue.repository';
import { CaseQueuePage } from '../../cases/case-queue.types';
import { CaseScoped } from '../auth/case-scoped.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { SignedIn } from '../auth/roles.decorator';
import { CaseView } from './case-view.types';
import { CaseEventsService } from './case-events.service';
import {
  ApproveDto,
  AssignDto,
  CorrectAnswerDto,
  MarkReadDto,
  QueueQueryDto,
  RemoveItemDto,
  StatusDto,
  TextDto,
} from './dto/review-case.dto';
import { ReviewCaseActionsService } from './review-case-actions.service';
import { sendCaseFile } from './send-case-file.util';

/** The queue. Kümmerer see their team's cases, admins every team's and the unassigned ones. */
@ApiTags('review')
@Controller('api/review')
@SignedIn()
export class ReviewQueueController {
  constructor(
    private readonly queue: CaseQueueRepository,
    private readonly events: CaseEventsService,
  ) {}

  @Get('cases')
  @ApiOperation({ summary: 'Fälle des Teams nach Dringlichkeit / the team’s cases by urgency' })
  list(@Query() query: QueueQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseQueuePage> {
    return this.queue.findQueue(TeamScope.of(user), {
      status: query.status,
      assignee:
        query.assignee === 'me'
          ? actorOf(user)
          : query.assignee === 'none' || !query.assignee
            ? query.assignee
            : `user:${query.assignee}`,
      team: query.team?.toLowerCase(),
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 50,
    });
  }

  @Sse('events')
  @ApiOperation({ summary: 'Server-Sent Events: ein Fall des Teams hat sich geändert / a case changed' })
  stream(@CurrentUser() user: AuthenticatedUser): Observable<MessageEvent> {
    return this.events.streamFor(TeamScope.of(user));
  }
}

/** One case: read, correct, note, ask back, assign, approve, status, download. */
@ApiTags('review')
@Controller('api/review/cases/:caseId')
@CaseScoped()
export class ReviewCaseController {
  constructor(private readonly actions: ReviewCaseActionsService) {}

  @Get()
  show(@Param('caseId') caseId: string, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    return this.actions.read(caseId, user);
  }

  @Patch('answers')
  correct(
    @Param('caseId') caseId: string,
    @Body() body: CorrectAnswerDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.actions.correct(caseId, body.path, body.value, user);
  }

  @Post('items/remove')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Einen Eintrag einer Wiederholungsgruppe entfernen ("Kind 2"); die folgenden rücken auf / remove an item of a repeat group',
  })
  removeItem(
    @Param('caseId') caseId: string,
    @Body() body: RemoveItemDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.actions.removeItem(caseId, body.group, body.item - 1, user);
  }

  @Post('notes')
  async note(@Param('caseId') caseId: string, @Body() body: TextDto, @CurrentUser() user: AuthenticatedUser) {
    return { id: await this.actions.addNote(caseId, body.text, user) };
  }

  @Post('read')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Nachricht der Familie gelesen, keine Antwort nötig / the family’s message needs no answer',
  })
  async markRead(
    @Param('caseId') caseId: string,
    @Body() body: MarkReadDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<void> {
    await this.actions.markFamilyMessagesRead(caseId, body.seen, user);
  }

  @Post('ask-back')
  async askBack(
    @Param('caseId') caseId: string,
    @Body() body: TextDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return { id: await this.actions.askBack(caseId, body.text, user) };
  }

  @Post('assign')
  @HttpCode(204)
  async assign(
    @Param('caseId') caseId: string,
    @Body() body: AssignDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    await this.actions.assign(caseId, body.assignee, user);
  }

  @Post('approve')
  @HttpCode(204)
  async approve(
    @Param('caseId') caseId: string,
    @Body() body: ApproveDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    await this.actions.approve(caseId, body.attachments ?? '', user);
  }

  @Post('status')
  @HttpCode(204)
  async status(
    @Param('caseId') caseId: string,
    @Body() body: StatusDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    await this.actions.changeStatus(caseId, body.status, user);
  }

  @Get('documents/:documentId')
  async download(
    @Param('caseId') caseId: string,
    @Param('documentId') documentId: string,
    @Query('inline') inline: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res() response: Response,
  ): Promise<void> {
    const { bytes, fileName } = await this.actions.download(caseId, documentId, user);
    sendCaseFile(response, { bytes, fileName, mediaType: 'application/pdf' }, inline === '1');
  }
}
