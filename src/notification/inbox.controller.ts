import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, CurrentPrincipal, Principal, UuidParam } from '@gds/http';
import { Inbox } from './inbox.service';
import { InboxItemView, InboxPageView, InboxQuery, MarkedReadView, UnreadCountView } from './dto/inbox.dto';

@ApiTags('notifications')
@Controller('me/notifications')
export class InboxController {
  constructor(private readonly inbox: Inbox) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Own in-app notifications, newest first; ?unread=true for unread only' })
  @ApiOkResponse({ type: InboxPageView })
  @ApiProblems(400)
  list(@CurrentPrincipal() principal: Principal, @Query() query: InboxQuery) {
    return this.inbox.list(principal.userId, query);
  }

  @Get('unread-count')
  @Authenticated()
  @ApiOkResponse({ type: UnreadCountView })
  async unreadCount(@CurrentPrincipal() principal: Principal): Promise<UnreadCountView> {
    return { unread: await this.inbox.unreadCount(principal.userId) };
  }

  @Post('read-all')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark every own notification read' })
  @ApiOkResponse({ type: MarkedReadView })
  async markAllRead(@CurrentPrincipal() principal: Principal): Promise<MarkedReadView> {
    return { marked: await this.inbox.markAllRead(principal.userId) };
  }

  @Post(':id/read')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one own notification read (404 for anyone else’s)' })
  @ApiOkResponse({ type: InboxItemView })
  @ApiProblems(404)
  markRead(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string) {
    return this.inbox.markRead(principal.userId, id);
  }
}
