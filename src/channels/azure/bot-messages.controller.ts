import { Controller, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AzureBotService } from './azure-bot.service';

/** The Bot Framework messaging endpoint for Azure Bot Service channels. */
@Controller('api')
export class BotMessagesController {
  constructor(private readonly azure: AzureBotService) {}

  @Post('messages')
  @ApiExcludeEndpoint()
  messages(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.azure.process(request, response);
  }
}
