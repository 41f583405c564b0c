import { Foundation1795400000000 } from './1795400000000-Foundation';
import { Course1795410000000 } from './1795410000000-Course';

/** Every migration, in timestamp order (a test checks the order and that no file is missing). */
export const MIGRATIONS = [Foundation1795400000000, Course1795410000000];
