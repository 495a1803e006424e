import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { actorOf, AuthenticatedUser } from '../../accounts/accounts.types';
import { AuditService } from '../../audit/audit.service';
import { CaseDocumentInfo } from '../../cases/cases.types';
import { CasesRepository } from '../../cases/cases.repository';
import { DocumentsService } from '../../documents/documents.service';
import { caseNotFound } from '../auth/case-access.guard';
import { BoundedCache } from './bounded-cache.util';
import { boxInPixels, renderLetterPage } from './letter-page.util';
import { highlightRegion, parseBox } from './letter-region.util';
import { PageRenderThread } from './page-render-thread';
import type { PageSize } from './pdf-page-render.util';
import { RenderQueue } from './render-queue.util';

export interface PreviewImage {
  png: Buffer;
  /** German first: what the image shows, for screen readers. */
  alt: string;
}

/** 110 dpi: an A4 page is about 910 × 1290 pixels, sharp enough on a tablet, small to send. */
export const PREVIEW_DPI = 110;
/** Letters are rendered sharper: the crop shows a small part of the page. */
const LETTER_DPI = 150;
/** Memory for rendered previews per instance. */
const CACHE_BYTES = 48 * 1024 * 1024;

/**
 * Page images of the filled forms (for tablets whose browsers show only the first PDF page) and
 * crops of the family's letters around the area an answer was read from. Every image is a read of
 * a case document and audited. Rendered pages are cached per document id and page: a document id
 * never gets other content (regenerated forms get new ids).
 */
@Injectable()
export class CasePreviewService implements OnModuleDestroy {
  private readonly pages = new BoundedCache<Buffer>(CACHE_BYTES, (png) => png.length);
  private readonly sizes = new BoundedCache<PageSize[]>(2000, () => 1);
  /** One page image at a time, in the order the browser asks (see RenderQueue). */
  private readonly renders = new RenderQueue<Buffer>();
  /**
   * Draws the pages off the event loop, the forms and letters being looked at kept open there: their
   * pages and crops are drawn from one parsed document.
   */
  private readonly thread = new PageRenderThread();

  constructor(
    private readonly repository: CasesRepository,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The pages of the case's form documents with their size in pixels, for the case page's <img>
   * list (width and height set: only the pages in view load, and the layout does not jump).
   */
  async pageSizes(caseId: string, documents: readonly CaseDocumentInfo[]): Promise<Map<string, PageSize[]>> {
    const result = new Map<string, PageSize[]>();
    for (const document of documents) {
      // A PDF pdf.js cannot open must not take the case page down: no images, the PDF link stays.
      result.set(document.id, await this.pagesOf(caseId, document.id).catch(() => []));
    }
    return result;
  }

  /** One page of a filled form as PNG; an unknown document or page is the case's 404. */
  async formPage(
    caseId: string,
    documentId: string,
    page: number,
    user: AuthenticatedUser,
  ): Promise<PreviewImage> {
    const info = (await this.repository.findDocuments(caseId)).find((document) => document.id === documentId);
    if (!info) {
      throw caseNotFound();
    }
    const count = (await this.pagesOf(caseId, documentId)).length;
    if (!Number.isInteger(page) || page < 1 || page > count) {
      throw caseNotFound();
    }
    const key = `form:${documentId}:${page}`;
    const png =
      this.pages.get(key) ??
      (await this.renders.run(key, async () => {
        const rendered = await this.thread.render(
          documentId,
          () => this.repository.readDocument(caseId, documentId),
          page,
          PREVIEW_DPI,
        );
        this.pages.set(key, rendered!.png);
        return rendered!.png;
      }));
    await this.record(user, 'case.document-page-viewed', caseId, { documentId, page: String(page) });
    return { png, alt: formPageAlt(page, count, info.title) };
  }

  /**
   * The crop of the family's letter around the area the answer at `path` was read from, the area
   * marked. Only answers with a letter provenance (document, page, box) have one.
   */
  async letterRegion(caseId: string, path: string, user: AuthenticatedUser): Promise<PreviewImage> {
    const answer = (await this.repository.findCurrentAnswers(caseId)).find(
      (candidate) => candidate.path === path,
    );
    const box = parseBox(answer?.sourceBox ?? null);
    if (!answer?.sourceDocumentId || !answer.sourcePage || !box) {
      throw caseNotFound();
    }
    const documentId = answer.sourceDocumentId;
    const info = await this.documents.info(documentId).catch(() => undefined);
    if (!info || info.caseId !== caseId) {
      throw caseNotFound();
    }
    const key = `letter:${documentId}:${answer.sourcePage}:${answer.sourceBox}`;
    let png = this.pages.get(key);
    if (!png) {
      const read = async () => (await this.documents.read(documentId)).bytes;
      // A PDF letter stays open in the page-drawing thread: its further crops do not read it again.
      const page = await renderLetterPage(
        { mediaType: info.mediaType, read },
        answer.sourcePage,
        LETTER_DPI,
        (_, number, dpi) => this.thread.render(`letter:${documentId}`, read, number, dpi),
      );
      if (!page) {
        throw caseNotFound();
      }
      png = await highlightRegion(page.image, boxInPixels(box, page));
      this.pages.set(key, png);
    }
    await this.record(user, 'case.letter-region-viewed', caseId, {
      documentId,
      page: String(answer.sourcePage),
    });
    const value = typeof answer.value === 'string' ? answer.value : JSON.stringify(answer.value);
    return {
      png,
      alt: `Ausschnitt aus dem Brief, Seite ${answer.sourcePage}, markiert: „${value}“ / letter region, page ${answer.sourcePage}`,
    };
  }

  async onModuleDestroy(): Promise<void> {
    await this.thread.close();
  }

  private async pagesOf(caseId: string, documentId: string): Promise<PageSize[]> {
    let sizes = this.sizes.get(documentId);
    if (sizes === undefined) {
      sizes = await this.thread.sizes(
        documentId,
        () => this.repository.readDocument(caseId, documentId),
        PREVIEW_DPI,
      );
      this.sizes.set(documentId, sizes);
    }
    return sizes;
  }

  private async record(
    user: AuthenticatedUser,
    action: string,
    caseId: string,
    details: Record<string, string>,
  ): Promise<void> {
    await this.audit.record({
      actor: actorOf(user),
      action,
      subjectType: 'case',
      subjectId: caseId,
      details,
    });
  }
}

/** "Seite 2 von 5 des Formulars KG 1" */
export function formPageAlt(page: number, count: number, title: string): string {
  return `Seite ${page} von ${count} des Formulars ${title}`;
}
