import { Foundation1795400000000 } from './1795400000000-Foundation';
import { Cohort1795420000000 } from './1795420000000-Cohort';

/** Every migration, in timestamp order (a test checks the order and that no file is missing). */
export const MIGRATIONS = [Foundation1795400000000, Cohort1795420000000];
