import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { actorOf, type AuthenticatedUser, type TeamView } from '../../accounts/accounts.types';
import { TeamsService } from '../../accounts/teams.service';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { CreateTeamDto } from './dto/create-team.dto';

@ApiTags('workspace: admin')
@Roles('admin')
@Controller('api/admin/teams')
export class AdminTeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @ApiOperation({ summary: 'Alle Teams / every team' })
  @ApiOkResponse()
  list(@CurrentUser() admin: AuthenticatedUser): Promise<TeamView[]> {
    return this.teams.list(actorOf(admin));
  }

  @Post()
  @ApiOperation({ summary: 'Team anlegen / create a team' })
  @ApiCreatedResponse()
  create(@Body() body: CreateTeamDto, @CurrentUser() admin: AuthenticatedUser): Promise<TeamView> {
    return this.teams.create(body.name, actorOf(admin));
  }
}
