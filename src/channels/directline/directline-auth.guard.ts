import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DirectLineCaller, DirectLineTokenService } from './directline-token.service';

type AuthenticatedRequest = Request & { directLineCaller?: DirectLineCaller };

/** Every Direct Line call carries the secret or a token; the guard reads it before any body is parsed. */
@Injectable()
export class DirectLineAuthGuard implements CanActivate {
  constructor(private readonly tokens: DirectLineTokenService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    request.directLineCaller = await this.tokens.authenticate(header);
    return true;
  }
}

/** The authenticated caller of a Direct Line request. */
export const Caller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): DirectLineCaller =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().directLineCaller!,
);
