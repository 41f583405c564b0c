import { Foundation1795400000000 } from './1795400000000-Foundation';
import { Reporting1795460000000 } from './1795460000000-Reporting';

/** Every migration, in timestamp order (a test checks the order and that no file is missing). */
export const MIGRATIONS = [Foundation1795400000000, Reporting1795460000000];
