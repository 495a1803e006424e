import { ApiProperty } from '@nestjs/swagger';
import { roles, type Role } from '../../../accounts/accounts.types';

export class SessionUserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'ayse.yilmaz@example.org' })
  login!: string;

  @ApiProperty({ example: 'Ayşe Yılmaz' })
  displayName!: string;

  @ApiProperty({ enum: roles })
  role!: Role;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  teamId!: string | null;
}

/** What login and /api/auth/me return: the user and the token for X-CSRF-Token. */
export class SessionInfoDto {
  @ApiProperty({ type: SessionUserDto })
  user!: SessionUserDto;

  @ApiProperty({ description: 'Für den Header X-CSRF-Token / for the X-CSRF-Token header' })
  csrfToken!: string;
}
