import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { roles, type Role } from '../../../accounts/accounts.types';

export class CreateUserDto {
  @ApiProperty({ example: 'dragana.petrovic@example.org' })
  @IsEmail({}, { message: 'Bitte eine gültige E-Mail-Adresse angeben. / Enter a valid e-mail address.' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Dragana Petrović' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  displayName!: string;

  @ApiProperty({ enum: roles })
  @IsIn(roles)
  role!: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Pflicht für Kümmerer / required for a Kümmerer' })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiProperty({ format: 'password', description: 'mindestens 12 Zeichen / at least 12 characters' })
  @IsString()
  @MaxLength(1024)
  password!: string;
}
