import { Foundation1795400000000 } from './1795400000000-Foundation';
import { Assessment1795430000000 } from './1795430000000-Assessment';

/** Every migration, in timestamp order (a test checks the order and that no file is missing). */
export const MIGRATIONS = [Foundation1795400000000, Assessment1795430000000];
