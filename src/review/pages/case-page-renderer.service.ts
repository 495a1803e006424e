import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { AppConfig } from '../../config/app-config';
import { WorkspaceRequest } from '../auth/workspace-request.types';
import { CaseViewService } from '../cases/case-view.service';
import { ReviewCaseActionsService } from '../cases/review-case-actions.service';
import { CasePreviewService } from '../preview/case-preview.service';
import { RefusedCorrection } from './case-answers.page';
import { casePage } from './case.page';
import { sendPage } from './send-page.util';

/** What a case page shows above its content: a confirmation, a refusal, or a refused answer. */
export interface CasePageFlash {
  message?: string;
  error?: string;
  refused?: RefusedCorrection;
  askMissing?: boolean;
}

/** Renders the case page for the signed-in user, with a flash, for every page controller. */
@Injectable()
export class CasePageRenderer {
  constructor(
    private readonly actions: ReviewCaseActionsService,
    private readonly view: CaseViewService,
    private readonly previews: CasePreviewService,
    private readonly config: AppConfig,
  ) {}

  async render(
    request: WorkspaceRequest,
    response: Response,
    caseId: string,
    flash: CasePageFlash,
    status = 200,
  ): Promise<void> {
    const { user, csrfToken } = request.workspaceSession!;
    const view = await this.actions.read(caseId, user);
    const names = await this.view.actorNames();
    const pageSizes = await this.previews.pageSizes(
      caseId,
      view.documents.filter((document) => document.kind !== 'cover'),
    );
    sendPage(
      response.status(status),
      casePage({
        user: { displayName: user.displayName, csrfToken },
        view,
        names,
        pageSizes,
        uploadLimitBytes: this.config.DOCUMENT_MAX_BYTES,
        ...flash,
      }),
    );
  }
}
