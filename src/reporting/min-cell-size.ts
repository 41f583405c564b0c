import { Injectable } from '@nestjs/common';
import { badRequest } from '@gds/http';
import { AppConfig } from '../config/app-config';

/** A caller may raise k above the configured minimum, never lower it. */
@Injectable()
export class MinCellSize {
  constructor(private readonly config: AppConfig) {}

  check(k: number | undefined): number | undefined {
    if (k !== undefined && k < this.config.REPORT_MIN_CELL_SIZE) {
      throw badRequest('cell-size-too-small', `k may not be below ${this.config.REPORT_MIN_CELL_SIZE}.`, [{ field: 'k', message: `must be at least ${this.config.REPORT_MIN_CELL_SIZE}` }]);
    }
    return k;
  }
}
