import { Foundation1795400000000 } from './1795400000000-Foundation';
import { Notification1795450000000 } from './1795450000000-Notification';

/** Every migration, in timestamp order (a test checks the order and that no file is missing). */
export const MIGRATIONS = [Foundation1795400000000, Notification1795450000000];
