import { Foundation1795400000000 } from './1795400000000-Foundation';
import { Certification1795440000000 } from './1795440000000-Certification';

/** Every migration, in timestamp order (a test checks the order and that no file is missing). */
export const MIGRATIONS = [Foundation1795400000000, Certification1795440000000];
