import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { roles, type Role } from '../../../accounts/accounts.types';

/** Every field optional; `teamId: null` removes the team (admins only). */
export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  displayName?: string;

  @ApiPropertyOptional({ enum: roles })
  @IsOptional()
  @IsIn(roles)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @ValidateIf((_object, value) => value !== null && value !== undefined)
  @IsUUID()
  teamId?: string | null;

  @ApiPropertyOptional({
    description: 'true sperrt das Konto und beendet seine Sitzungen / disables and signs out',
  })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ description: 'true hebt eine Sperre nach Fehlversuchen auf / lifts a lockout' })
  @IsOptional()
  @IsBoolean()
  unlock?: boolean;

  @ApiPropertyOptional({ format: 'password', description: 'neues Passwort / new password' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;
}
