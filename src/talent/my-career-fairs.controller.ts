import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPage, ApiProblems, CurrentPrincipal, Page, PageQuery, Principal, Roles } from '@gds/http';
import { MyFairSchedule } from './my-fair-schedule.service';
import { FairRegistrationView } from './dto/career-fair.dto';
import { MyFairBookingView } from './dto/my-fair-schedule.dto';

/** The trainee's own career-fair schedule across every fair: registrations and booked meetings. */
@ApiTags('career fairs')
@Controller('me')
export class MyCareerFairsController {
  constructor(private readonly schedule: MyFairSchedule) {}

  @Get('fair-bookings')
  @Roles('trainee')
  @ApiOperation({ summary: 'Your fair meetings across every fair, soonest first, with the fair, the employer and the place or link' })
  @ApiPage(MyFairBookingView)
  @ApiProblems(400)
  async bookings(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<Page<MyFairBookingView>> {
    return this.schedule.bookings(principal.userId, query);
  }

  @Get('fair-registrations')
  @Roles('trainee')
  @ApiOperation({ summary: 'The fairs you registered for, by their start' })
  @ApiPage(FairRegistrationView)
  @ApiProblems(400)
  async registrations(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<Page<FairRegistrationView>> {
    return this.schedule.registrations(principal.userId, query);
  }
}
