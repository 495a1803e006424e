import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { roles, type Role } from '../../../accounts/accounts.types';

const uuidOrEmpty = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$/i;
const day = /^(\d{4}-\d{2}-\d{2})?$/;

// Form bodies of the admin pages. Checks are loose on purpose: the services refuse with reasons
// the page can show (password rules, e-mail taken), a 400 would only show an error page.

export class CreateUserFormDto {
  @IsOptional() @IsString() _csrf?: string;
  @IsString() @MaxLength(254) email!: string;
  @IsString() @MaxLength(120) displayName!: string;
  @IsIn(roles) role!: Role;
  @IsOptional() @Matches(uuidOrEmpty) teamId?: string;
  @IsString() @MaxLength(1024) password!: string;
}

export const userFormChanges = ['role-team', 'disable', 'enable', 'unlock', 'password'] as const;

export class UpdateUserFormDto {
  @IsOptional() @IsString() _csrf?: string;
  @IsIn(userFormChanges) change!: (typeof userFormChanges)[number];
  @IsOptional() @IsIn(roles) role?: Role;
  @IsOptional() @Matches(uuidOrEmpty) teamId?: string;
  @IsOptional() @IsString() @MaxLength(1024) password?: string;
}

export class CreateTeamFormDto {
  @IsOptional() @IsString() _csrf?: string;
  @IsString() @MaxLength(80) name!: string;
}

export class AuditPageQueryDto {
  @IsOptional() @IsString() @MaxLength(80) action?: string;
  @IsOptional() @IsString() @MaxLength(120) actor?: string;
  @IsOptional() @IsString() @MaxLength(40) subjectType?: string;
  @IsOptional() @IsString() @MaxLength(120) subjectId?: string;
  @IsOptional() @Matches(day) from?: string;
  @IsOptional() @Matches(day) to?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
}
