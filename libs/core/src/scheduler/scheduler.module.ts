import { Global, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { DeadlineRepository } from './deadline.repository.js';
import { DeadlineScheduler } from './deadline-scheduler.service.js';

@Global()
@Module({
  imports: [ScheduleModule.forRoot()],
  providers: [DeadlineRepository, DeadlineScheduler],
  exports: [DeadlineScheduler],
})
export class SchedulerModule {}
