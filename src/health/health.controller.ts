import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorators';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { CheckState, ReadinessService } from './readiness.service';

class LiveView {
  @ApiProperty({ example: 'ok' }) status!: 'ok';
}

class ReadyView {
  @ApiProperty({ example: 'ok' }) status!: 'ok';
  @ApiProperty({ example: { database: 'up', redis: 'up' } })
  checks!: { database: CheckState; redis: CheckState };
}

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up' })
  @ApiOkResponse({ type: LiveView })
  live(): LiveView {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'PostgreSQL and Redis answer' })
  @ApiOkResponse({ type: ReadyView })
  @ApiProblems(503)
  async ready(): Promise<ReadyView> {
    const checks = await this.readiness.check();
    const down = Object.entries(checks).filter(([, state]) => state === 'down');
    if (down.length > 0) {
      throw new ServiceUnavailableException(
        `Not ready: ${down.map(([name]) => name).join(' and ')} down.`,
      );
    }
    return { status: 'ok', checks };
  }
}
