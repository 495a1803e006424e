import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig } from '../../config/app-config';
import { DirectLineAuthGuard, Caller } from './directline-auth.guard';
import { DirectLineActivityService } from './directline-activity.service';
import { DirectLineConversationService } from './directline-conversation.service';
import { DirectLineCaller } from './directline-token.service';
import { UploadedPart } from './directline.types';
import { requestBaseUrl } from './request-base-url.util';
import { UploadInterceptor } from './upload.interceptor';

/** Direct Line 3.0 REST API (the WebSocket stream is DirectLineStreamGateway). */
@ApiExcludeController()
@Controller('v3/directline')
@UseGuards(DirectLineAuthGuard)
export class DirectLineController {
  constructor(
    private readonly conversations: DirectLineConversationService,
    private readonly activities: DirectLineActivityService,
    private readonly config: AppConfig,
  ) {}

  @Post('tokens/generate')
  @HttpCode(200)
  generate(@Caller() caller: DirectLineCaller, @Body() body: unknown, @Req() request: Request) {
    return this.conversations.generateToken(caller, body ?? {}, this.baseUrl(request));
  }

  @Post('tokens/refresh')
  @HttpCode(200)
  refresh(@Caller() caller: DirectLineCaller) {
    return this.conversations.refreshToken(caller);
  }

  @Post('conversations')
  async start(
    @Caller() caller: DirectLineCaller,
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { created, response: conversation } = await this.conversations.start(
      caller,
      body ?? {},
      this.baseUrl(request),
    );
    response.status(created ? 201 : 200);
    return conversation;
  }

  @Get('conversations/:id')
  reconnect(
    @Caller() caller: DirectLineCaller,
    @Param('id') id: string,
    @Query('watermark') watermark: string | undefined,
    @Req() request: Request,
  ) {
    return this.conversations.reconnect(caller, id, watermark, this.baseUrl(request));
  }

  @Post('conversations/:id/activities')
  @HttpCode(200)
  post(
    @Caller() caller: DirectLineCaller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: Request,
  ) {
    return this.activities.post(caller, id, body, this.baseUrl(request));
  }

  @Get('conversations/:id/activities')
  list(
    @Caller() caller: DirectLineCaller,
    @Param('id') id: string,
    @Query('watermark') watermark: string | undefined,
  ) {
    return this.activities.list(caller, id, watermark);
  }

  @Post('conversations/:id/upload')
  @HttpCode(200)
  @UseInterceptors(UploadInterceptor)
  upload(
    @Caller() caller: DirectLineCaller,
    @Param('id') id: string,
    @Query('userId') userId: string | undefined,
    @Req() request: Request,
  ) {
    const parts = (request.files ?? []) as UploadedPart[];
    return this.activities.upload(caller, id, userId, parts, this.baseUrl(request));
  }

  private baseUrl(request: Request): string {
    return requestBaseUrl(request, this.config.PUBLIC_BASE_URL);
  }
}
