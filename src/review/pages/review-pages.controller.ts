import {
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { readFileSync } from 'node:fs';
import { actorOf, AuthenticatedUser } from '../../accounts/accounts.types';
import { TeamView } from '../../accounts/accounts.types';
import { TeamScope } from '../../accounts/team-scope';
import { TeamsService } from '../../accounts/teams.service';
import { CaseQueueRepository } from '../../cases/case-queue.repository';
import { CaseQueuePage } from '../../cases/case-queue.types';
import { CasesError } from '../../cases/cases.errors';
import { httpStatusOfCode } from '../../common/domain-exception.filter';
import { projectPath } from '../../channels/web/project-path.util';
import { CaseScoped } from '../auth/case-scoped.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { SignedIn } from '../auth/roles.decorator';
import { WorkspaceRequest } from '../auth/workspace-request.types';
import {
  ApproveDto,
  AssignDto,
  CorrectAnswerDto,
  MarkReadDto,
  RemoveItemDto,
  StatusDto,
  TextDto,
} from '../cases/dto/review-case.dto';
import { ReviewCaseActionsService } from '../cases/review-case-actions.service';
import { CaseLettersService } from '../cases/case-letters.service';
import { DocumentsError } from '../../documents/documents.errors';
import { RefusedCorrection } from './case-answers.page';
import { CasePageRenderer } from './case-page-renderer.service';
import { findItem, removeItemPage } from './case-remove-item.page';
import { sendPage } from './send-page.util';
import { PageExceptionFilter } from './page-exception.filter';
import { queuePage, queueRows } from './queue.page';
import { lastPageOf, QueueFilter, queueFilterOf, RawQueueFilter } from './queue-filter.util';

const assets: Record<string, string> = {
  'review.js': 'application/javascript',
  'review.css': 'text/css',
  'favicon.svg': 'image/svg+xml',
};

const queuePageSize = 50;

const messages: Record<string, string> = {
  saved: 'Gespeichert. Die Formulare wurden neu erstellt. / Saved; forms regenerated.',
  'saved-incomplete':
    'Gespeichert. Es fehlen noch Angaben (siehe „Fehlende Angaben“). Die Formulare folgen, wenn alle Angaben vollständig sind. / Saved; answers are still missing.',
  'saved-unapproved':
    'Gespeichert. Die Freigabe ist aufgehoben: Die fertigen Formulare und das Deckblatt passten nicht mehr zu den Angaben und wurden gelöscht. Der Fall ist wieder „In Prüfung“. Bitte prüfen Sie ihn und geben Sie ihn neu frei. / Saved; the approval was withdrawn and the final forms removed. Please approve again.',
  'item-removed': 'Entfernt. Die Formulare wurden neu erstellt. / Removed; forms regenerated.',
  'item-removed-incomplete':
    'Entfernt. Es fehlen noch Angaben (siehe „Fehlende Angaben“). Die Formulare folgen, wenn alle Angaben vollständig sind. / Removed; answers are still missing.',
  'item-removed-unapproved':
    'Entfernt. Die Freigabe ist aufgehoben: Die fertigen Formulare und das Deckblatt passten nicht mehr zu den Angaben und wurden gelöscht. Der Fall ist wieder „In Prüfung“. Bitte prüfen Sie ihn und geben Sie ihn neu frei. / Removed; the approval was withdrawn. Please approve again.',
  unchanged:
    'Nichts geändert: Der Wert ist derselbe wie vorher. Es wurde nichts gespeichert. / Nothing changed: the value is the same as before.',
  'item-gone':
    'Diesen Eintrag gibt es nicht mehr; vielleicht wurde er gerade entfernt. Hier sehen Sie die Angaben, wie sie jetzt sind. / That entry no longer exists.',
  note: 'Notiz gespeichert. / Note saved.',
  'ask-back': 'Rückfrage gesendet. / Question sent.',
  assigned: 'Der Fall ist Ihnen zugewiesen. / Assigned to you.',
  approved: 'Freigegeben. Die fertigen Formulare und das Deckblatt stehen bereit. / Approved.',
  status: 'Status geändert. / Status changed.',
  read: 'Als gelesen vermerkt. / Marked as read.',
  'letter-read': 'Der Brief ist schon gelesen. / The letter has been read.',
  'letter-uploaded':
    'Der Brief ist hochgeladen und wird jetzt gelesen. Das Ergebnis erscheint unten bei den Unterlagen. / The letter was uploaded and is being read.',
  'letter-reading':
    'Der Brief wird noch einmal gelesen. Das Ergebnis erscheint hier, sobald es da ist. / The letter is being read again.',
};

/** Server-rendered workspace pages (German first), forms POST with a hidden CSRF field and redirect. */
@ApiExcludeController()
@Controller('review')
@UseFilters(PageExceptionFilter)
export class ReviewPagesController {
  constructor(
    private readonly queue: CaseQueueRepository,
    private readonly actions: ReviewCaseActionsService,
    private readonly pages: CasePageRenderer,
    private readonly teams: TeamsService,
    private readonly letters: CaseLettersService,
  ) {}

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() response: Response): void {
    if (!(file in assets)) {
      throw new NotFoundException();
    }
    response
      .type(assets[file])
      .set('Cache-Control', 'no-cache')
      .send(readFileSync(projectPath('src', 'review', 'assets', file)));
  }

  @Get()
  @SignedIn()
  async queuePage(
    @Query() query: RawQueueFilter,
    @Req() request: WorkspaceRequest,
    @Res() response: Response,
  ) {
    const { user, csrfToken } = request.workspaceSession!;
    const { filter, teams } = await this.queueFilter(user, query);
    const page = await this.loadQueue(user, filter);
    send(
      response,
      queuePage({
        user: {
          displayName: user.displayName,
          csrfToken,
          actor: actorOf(user),
          admin: user.role === 'admin',
        },
        queue: page,
        status: filter.status,
        assignee: filter.assignee,
        team: filter.team,
        teams,
        ignored: filter.ignored,
      }),
    );
  }

  /** The queue's rows alone, for the live update (review.js). */
  @Get('rows')
  @SignedIn()
  async rows(@Query() query: RawQueueFilter, @Req() request: WorkspaceRequest, @Res() response: Response) {
    const { user, csrfToken } = request.workspaceSession!;
    const { filter, teams } = await this.queueFilter(user, query);
    const page = await this.loadQueue(user, filter);
    send(response, queueRows(page, actorOf(user), csrfToken, { teamColumn: teams !== undefined }).value);
  }

  @Get('cases/:caseId')
  @CaseScoped()
  async casePage(
    @Param('caseId') caseId: string,
    @Query('msg') message: string | undefined,
    @Query('ask') ask: string | undefined,
    @Req() request: WorkspaceRequest,
    @Res() response: Response,
  ) {
    await this.pages.render(request, response, caseId, {
      message: message ? messages[message] : undefined,
      askMissing: ask === 'missing',
    });
  }

  @Post('cases/:caseId/answers')
  @CaseScoped()
  correct(
    @Param('caseId') id: string,
    @Body() body: CorrectAnswerDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: WorkspaceRequest,
    @Res() response: Response,
  ) {
    return this.act(
      request,
      response,
      id,
      async () => {
        const result = await this.actions.correct(id, body.path, body.value, user);
        if (!result.changed) {
          return 'unchanged';
        }
        if (result.approvalWithdrawn) {
          return 'saved-unapproved';
        }
        return result.documentsRegenerated ? 'saved' : 'saved-incomplete';
      },
      body,
    );
  }

  /** "Kind 2 entfernen?": what goes, and the button (or why it may not go). */
  @Get('cases/:caseId/items/:groupId/:number/remove')
  @CaseScoped()
  async removeItemPage(
    @Param('caseId') caseId: string,
    @Param('groupId') groupId: string,
    @Param('number') number: string,
    @Req() request: WorkspaceRequest,
    @Res() response: Response,
  ) {
    const { user, csrfToken } = request.workspaceSession!;
    const view = await this.actions.read(caseId, user);
    const item = /^[1-9]\d{0,3}$/.test(number) ? findItem(view, groupId, Number(number)) : undefined;
    if (!item) {
      // An item removed meanwhile (another tab): back to the case, where the items are as they are now.
      response.redirect(303, `/review/cases/${caseId}?msg=item-gone`);
      return;
    }
    const refusal = await this.actions.itemRemovalRefusal(caseId, groupId, item.number - 1);
    send(
      response,
      removeItemPage({ user: { displayName: user.displayName, csrfToken }, view, item, refusal }),
    );
  }

  @Post('cases/:caseId/items/remove')
  @CaseScoped()
  removeItem(
    @Param('caseId') id: string,
    @Body() body: RemoveItemDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: WorkspaceRequest,
    @Res() response: Response,
  ) {
    return this.act(request, response, id, async () => {
      const result = await this.actions.removeItem(id, body.group, body.item - 1, user);
      if (result.approvalWithdrawn) {
        return 'item-removed-unapproved';
      }
      return result.documentsRegenerated ? 'item-removed' : 'item-removed-incomplete';
    });
  }

  @Post('cases/:caseId/notes')
  @CaseScoped()
  note(
    @Param('caseId') id: string,
    @Body() body: TextDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: WorkspaceRequest,
    @Res() response: Response,
  ) {
    return this.act(
      request,
      response,
      id,
      async () => (await this.actions.addNote(id, body.text, user), 'note'),
    );
  }

  @Post('cases/:caseId/ask-back')
  @CaseScoped()
  askBack(
    @Param('caseId') id: string,
    @Body() body: TextDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: WorkspaceRequest,
    @Res() response: Response,
  ) {
    return this.act(
      request,
      response,
      id,
      async () => (await this.actions.askBack(id, body.text, user), 'ask-back'),
    );
  }

  @Post('cases/:caseId/read')
  @CaseScoped()
  markRead(
    @Param('caseId') id: string,
    @Body() body: MarkReadDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: WorkspaceRequest,
    @Res() response: Response,
  ) {
    return this.act(
      request,
      response,
      id,
      async () => (await this.actions.markFamilyMessagesRead(id, body.seen, user), 'read'),
    );
  }

  @Post('cases/:caseId/assign')
  @CaseScoped()
  async assign(
    @Param('caseId') id: string,
    @Body() body: AssignDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res() response: Response,
  ) {
    await this.actions.assign(id, body.assignee, user);
    response.redirect(303, '/review');
  }

  @Post('cases/:caseId/approve')
  @CaseScoped()
  approve(
    @Param('caseId') id: string,
    @Body() body: ApproveDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: WorkspaceRequest,
    @Res() response: Response,
  ) {
    return this.act(
      request,
      response,
      id,
      async () => (await this.actions.approve(id, body.attachments ?? '', user), 'approved'),
    );
  }

  /** A letter whose reading failed (busy, restart, time), read again; back to the case page. */
  @Post('cases/:caseId/letters/:documentId/read')
  @CaseScoped()
  readLetterAgain(
    @Param('caseId') id: string,
    @Param('documentId') documentId: string,
    @Req() request: WorkspaceRequest,
    @Res() response: Response,
  ) {
    return this.act(request, response, id, async () => {
      try {
        await this.letters.readAgain(id, documentId);
        return 'letter-reading';
      } catch (error) {
        // Read meanwhile (a second click, say): the page shows the result.
        if (error instanceof DocumentsError && error.code === 'DOCUMENT_ALREADY_READ') {
          return 'letter-read';
        }
        throw error;
      }
    });
  }

  @Post('cases/:caseId/status')
  @CaseScoped()
  status(
    @Param('caseId') id: string,
    @Body() body: StatusDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: WorkspaceRequest,
    @Res() response: Response,
  ) {
    return this.act(
      request,
      response,
      id,
      async () => (await this.actions.changeStatus(id, body.status, user), 'status'),
    );
  }

  /**
   * The queue's filter; for an admin (who sees every team) also the team, checked against the
   * teams there are, and the teams for the filter's list.
   */
  private async queueFilter(
    user: AuthenticatedUser,
    query: RawQueueFilter,
  ): Promise<{ filter: QueueFilter; teams?: TeamView[] }> {
    if (!TeamScope.of(user).coversAllTeams) {
      return { filter: queueFilterOf(query) };
    }
    const filter = queueFilterOf(query, { teams: true });
    const teams = await this.teams.list();
    if (filter.team && filter.team !== 'none' && !teams.some((team) => team.id === filter.team)) {
      filter.team = undefined;
      filter.ignored.push('team');
    }
    return { filter, teams };
  }

  /** One page of the queue; a page beyond the last shows the last one (after cases were closed, say). */
  private async loadQueue(user: AuthenticatedUser, filter: QueueFilter): Promise<CaseQueuePage> {
    const query = {
      status: filter.status,
      assignee: filter.assignee === 'me' ? actorOf(user) : filter.assignee,
      team: filter.team,
      page: filter.page,
      pageSize: queuePageSize,
    };
    const page = await this.queue.findQueue(TeamScope.of(user), query);
    const last = lastPageOf(page.total, page.pageSize);
    return page.page > last ? this.queue.findQueue(TeamScope.of(user), { ...query, page: last }) : page;
  }

  /**
   * Runs an action; success -> back to the case page (303), a refusal -> the page with the reason.
   * A refused answer (`correction` given) is shown by its field, with what was typed.
   */
  private async act(
    request: WorkspaceRequest,
    response: Response,
    caseId: string,
    action: () => Promise<string>,
    correction?: { path: string; value: string },
  ) {
    try {
      const message = await action();
      response.redirect(303, `/review/cases/${caseId}?msg=${message}`);
    } catch (error) {
      const refused = correction && refusedAnswer(error, correction);
      if (refused) {
        await this.pages.render(request, response, caseId, { refused }, 422);
        return;
      }
      const refusal = refusalText(error);
      if (refusal === undefined) {
        throw error;
      }
      // The status the API gives the same refusal: 409 for the case's status, 422 for an answer.
      const status = httpStatusOfCode((error as { code?: unknown }).code) ?? 422;
      await this.pages.render(request, response, caseId, { error: refusal }, status);
    }
  }
}

/** A value the case refused for one answer, for the page to show by that answer's field. */
function refusedAnswer(
  error: unknown,
  correction: { path: string; value: string },
): RefusedCorrection | undefined {
  if (!(error instanceof CasesError) || error.code !== 'CASE_ANSWER_INVALID') {
    return undefined;
  }
  return {
    path: correction.path,
    value: correction.value,
    message: error.reasons[0] ?? 'Die Angabe passt nicht.',
  };
}

function refusalText(error: unknown): string | undefined {
  if (error instanceof CasesError && error.reasons.length > 0) {
    return error.reasons.join(' / ');
  }
  if (error instanceof CasesError && error.code === 'CASE_STATUS_INVALID') {
    return 'Das ist im jetzigen Status des Falls nicht möglich. / Not possible in the case’s current status.';
  }
  const code = (error as { code?: unknown })?.code;
  if (code === 'ANSWERS_INVALID') {
    return 'Es fehlen noch Angaben oder eine Angabe passt nicht. Bitte ergänzen Sie sie zuerst. / Answers are missing or invalid.';
  }
  if (code === 'CONVERSATION_REFERENCE_MISSING' || code === 'CONVERSATION_GATEWAY_MISSING') {
    return 'Die Familie ist im Chat gerade nicht erreichbar. / The family cannot be reached in the chat.';
  }
  return undefined;
}

const send = sendPage;

export type { Request };
