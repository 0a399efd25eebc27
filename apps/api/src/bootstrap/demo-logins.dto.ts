import { ApiProperty } from '@nestjs/swagger';

export class DemoLoginDto {
  @ApiProperty() email: string;
  @ApiProperty() password: string;
  @ApiProperty({ enum: ['admin', 'technician'] }) role: 'admin' | 'technician';
}

export class DemoLoginsDto {
  @ApiProperty({
    type: [DemoLoginDto],
    description: 'Empty unless demo mode is on and the demo passwords are unchanged',
  })
  logins: DemoLoginDto[];
}
