import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { DirectLineActivityService } from './directline-activity.service';
import { DirectLineTokenService } from './directline-token.service';

/**
 * Uploaded files, served back to the conversation: with the signed link from the activity
 * (what <img src> in Web Chat uses), or with the conversation's token or the secret.
 */
@ApiExcludeController()
@Controller('v3/directline/conversations/:id/attachments')
export class DirectLineAttachmentController {
  constructor(
    private readonly activities: DirectLineActivityService,
    private readonly tokens: DirectLineTokenService,
  ) {}

  @Get(':attachmentId')
  async attachment(
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @Query('sig') signature: string | undefined,
    @Query('t') queryToken: string | undefined,
    @Headers('authorization') authorization: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const access =
      signature && !authorization
        ? { signature }
        : {
            caller:
              authorization || !queryToken
                ? await this.tokens.authenticate(authorization)
                : await this.tokens.verifyToken(queryToken),
          };
    const file = await this.activities.readAttachment(access, id, attachmentId);
    response
      .status(200)
      .type(file.contentType)
      .setHeader('Cache-Control', 'private, no-store')
      .setHeader('X-Content-Type-Options', 'nosniff')
      .setHeader(
        'Content-Security-Policy',
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      )
      .setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .send(file.content);
  }
}
