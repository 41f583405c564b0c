import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiNoContent, ApiPage, ApiProblems, CurrentPrincipal, hasRole, Page, PageQuery, Principal, Roles, UuidParam } from '@gds/http';
import { CareerFairs } from './career-fairs.service';
import { FairBookings } from './fair-bookings.service';
import { FairAttendance } from './fair-attendance.service';
import { EmployerScope } from './employer-scope.service';
import { CareerFairView, CreateCareerFairDto, FairAttendeeView, FairBookingView, FairRegistrationView, FairSlotView, PublishSlotDto } from './dto/career-fair.dto';

/** Career fairs: admins create, employers publish meeting slots, trainees register, book and check in. */
@ApiTags('career fairs')
@Controller()
export class CareerFairsController {
  constructor(
    private readonly fairs: CareerFairs,
    private readonly bookings: FairBookings,
    private readonly scope: EmployerScope,
    private readonly attendance: FairAttendance,
  ) {}

  @Post('career-fairs')
  @Roles('admin')
  @ApiOperation({ summary: 'Create a career fair: date, place or online link, participating employers, invited cohorts' })
  @ApiCreatedResponse({ type: CareerFairView })
  @ApiProblems(400, 422)
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateCareerFairDto): Promise<CareerFairView> {
    return this.fairs.create(principal.userId, body);
  }

  @Get('career-fairs')
  @Roles('admin', 'employer', 'trainee')
  @ApiOperation({ summary: 'The fairs you take part in (admins: all), by start' })
  @ApiPage(CareerFairView)
  @ApiProblems(400)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<Page<CareerFairView>> {
    return this.fairs.list(principal, query);
  }

  @Get('career-fairs/:id')
  @Roles('admin', 'employer', 'trainee')
  @ApiOkResponse({ type: CareerFairView })
  @ApiProblems(404)
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string): Promise<CareerFairView> {
    return this.fairs.get(principal, id);
  }

  @Get('career-fairs/:id/registrations')
  @Roles('admin')
  @ApiOperation({ summary: 'Who registered for the fair, who checked in and their meetings (programme staff)' })
  @ApiPage(FairAttendeeView)
  @ApiProblems(400, 404)
  async attendees(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Query() query: PageQuery): Promise<Page<FairAttendeeView>> {
    return this.attendance.attendees(principal, id, query);
  }

  @Post('career-fairs/:id/registrations')
  @Roles('trainee')
  @ApiOperation({ summary: 'Register for a fair you are invited to (listed or shortlisted trainees): 201, then 200 with the same registration' })
  @ApiCreatedResponse({ type: FairRegistrationView })
  @ApiOkResponse({ type: FairRegistrationView, description: 'Registered already; nothing changed' })
  @ApiProblems(404, 422)
  async register(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<FairRegistrationView> {
    const { view, created } = await this.fairs.register(principal, id);
    reply.status(created ? 201 : 200);
    return view;
  }

  @Post('career-fairs/:id/check-in')
  @Roles('trainee')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check in on the day (from two hours before the start until the end)' })
  @ApiOkResponse({ type: FairRegistrationView })
  @ApiProblems(404, 422)
  async checkIn(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string): Promise<FairRegistrationView> {
    return this.fairs.checkIn(principal, id);
  }

  @Post('career-fairs/:id/slots')
  @Roles('employer')
  @ApiOperation({ summary: 'Publish a one-to-one meeting slot at a fair your organisation takes part in' })
  @ApiCreatedResponse({ type: FairSlotView })
  @ApiProblems(400, 404, 422)
  async publish(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: PublishSlotDto): Promise<FairSlotView> {
    return this.bookings.publish(principal, await this.scope.of(principal), id, body);
  }

  @Get('career-fairs/:id/slots')
  @Roles('admin', 'employer', 'trainee')
  @ApiOperation({ summary: "A fair's slots by start time, a page at a time: employers see their own (with who booked), trainees every slot and whether it is free" })
  @ApiPage(FairSlotView)
  @ApiProblems(400, 404)
  async slots(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Query() query: PageQuery): Promise<Page<FairSlotView>> {
    const organisationId = hasRole(principal, 'employer') ? (await this.scope.of(principal)).organisationId : null;
    return this.bookings.slots(principal, id, organisationId, query);
  }

  @Post('fair-slots/:id/bookings')
  @Roles('trainee')
  @ApiOperation({ summary: 'Book a slot of a fair you registered for; 409 if it is taken or you have a meeting at that time' })
  @ApiCreatedResponse({ type: FairBookingView })
  @ApiProblems(404, 409, 422)
  async book(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string): Promise<FairBookingView> {
    return this.bookings.book(principal, id);
  }

  @Delete('fair-bookings/:id')
  @Roles('trainee', 'admin')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Cancel your own fair meeting (admins: anyone’s) before it starts; the slot is free again and the employer who published it is told (and the trainee, when staff cancel). 404 if it is not yours (or already cancelled), 409 once it has started',
  })
  @ApiNoContent()
  @ApiProblems(404, 409)
  async cancel(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string): Promise<void> {
    await this.bookings.cancel(principal, id);
  }

  @Post('fair-bookings/:id/check-in')
  @Roles('admin', 'employer')
  @HttpCode(200)
  @ApiOperation({ summary: "Check in the trainee who booked this meeting (the employer whose slot it is, or an admin), on the fair's day; twice changes nothing" })
  @ApiOkResponse({ type: FairRegistrationView })
  @ApiProblems(403, 404, 422)
  async checkInBooking(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string): Promise<FairRegistrationView> {
    const organisationId = hasRole(principal, 'admin') ? null : (await this.scope.of(principal)).organisationId;
    return this.bookings.checkIn(principal, id, organisationId);
  }
}
