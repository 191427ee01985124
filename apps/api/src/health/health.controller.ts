import { Controller, Get, Header, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/decorators';
import { DatabaseHealthService } from './database-health.service';

export type HealthBody = { status: 'ok' } | { status: 'unavailable'; reason: string };

@Controller('health')
export class HealthController {
  constructor(private readonly database: DatabaseHealthService) {}

  /** 200 {"status":"ok"} while the database takes writes; 503 with the reason while it does not. */
  @Public()
  @Get()
  @Header('Cache-Control', 'no-store')
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthBody> {
    const health = await this.database.check();
    if (health.ok) return { status: 'ok' };
    res.status(503);
    return { status: 'unavailable', reason: health.reason };
  }
}
