import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CreateTeamDto {
  @ApiProperty({ example: 'Essen-Altendorf' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name!: string;
}
