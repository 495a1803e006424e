import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { actorOf, type AuthenticatedUser } from '../../accounts/accounts.types';
import type { AuditFilter, AuditPage } from '../../audit/audit.service';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { AuditLogService } from './audit-log.service';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('workspace: admin')
@Roles('admin')
@Controller('api/admin/audit')
export class AdminAuditController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Get()
  @ApiOperation({ summary: 'Protokoll, neueste zuerst / audit log, newest first, paginated' })
  @ApiOkResponse()
  view(@Query() query: AuditQueryDto, @CurrentUser() admin: AuthenticatedUser): Promise<AuditPage> {
    return this.auditLog.view(filterOf(query), query.page, query.pageSize, actorOf(admin));
  }

  @Get('export')
  @ApiOperation({ summary: 'Protokoll als CSV, älteste zuerst / audit log as CSV, oldest first' })
  @ApiProduces('text/csv')
  async export(
    @Query() query: AuditQueryDto,
    @CurrentUser() admin: AuthenticatedUser,
    @Res() response: Response,
  ): Promise<void> {
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', 'attachment; filename="audit-log.csv"');
    response.setHeader('Cache-Control', 'no-store');
    await pipeline(Readable.from(this.auditLog.exportCsv(filterOf(query), actorOf(admin))), response);
  }
}

function filterOf({ subjectType, subjectId, actor, action, from, to }: AuditQueryDto): AuditFilter {
  return { subjectType, subjectId, actor, action, from, to };
}
