import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { actorOf, type AuthenticatedUser, type UserView } from '../../accounts/accounts.types';
import { UsersService } from '../../accounts/users.service';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';

@ApiTags('workspace: admin')
@Roles('admin')
@Controller('api/admin/users')
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Alle Konten / every account' })
  @ApiOkResponse()
  list(@CurrentUser() admin: AuthenticatedUser): Promise<UserView[]> {
    return this.users.list(actorOf(admin));
  }

  @Post()
  @ApiOperation({ summary: 'Konto anlegen / create an account (password rules apply: 422 with reasons)' })
  @ApiCreatedResponse()
  create(@Body() body: CreateUserDto, @CurrentUser() admin: AuthenticatedUser): Promise<UserView> {
    const { email, ...rest } = body;
    return this.users.create({ login: email, ...rest }, actorOf(admin));
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      'Rolle, Team, sperren, entsperren, Passwort setzen / change role, team, disable, unlock, reset password',
  })
  @ApiOkResponse()
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateUserDto,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<UserView> {
    return this.users.update(id, body, actorOf(admin));
  }
}
