import { ArgumentsHost, Catch, ExceptionFilter, NotFoundException } from '@nestjs/common';
import type { Request } from 'express';
import { PageExceptionFilter } from './page-exception.filter';

/**
 * A path under /review that no route matches gets the workspace's "Nicht gefunden" page (German,
 * like /review/cases/<unknown id>) instead of Nest's JSON; every other 404 goes to `fallback`
 * (the API's JSON errors). Registered as a global filter after DomainExceptionFilter, so Nest asks
 * it first for a NotFoundException.
 */
@Catch(NotFoundException)
export class WorkspaceNotFoundFilter implements ExceptionFilter {
  private readonly pages = new PageExceptionFilter();

  constructor(private readonly fallback: ExceptionFilter) {}

  catch(exception: NotFoundException, host: ArgumentsHost): void {
    const { path } = host.switchToHttp().getRequest<Request>();
    if (path === '/review' || path.startsWith('/review/')) {
      this.pages.catch(exception, host);
      return;
    }
    this.fallback.catch(exception, host);
  }
}
