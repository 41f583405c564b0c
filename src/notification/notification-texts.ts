import { NotificationType } from '@gds/queue';
import { DEFAULT_TIME_ZONE, formatForReader } from '@gds/time';
import type { Language } from '../identity/languages.contract';

export interface RenderedNotification {
  title: string;
  text: string;
}

export type NotificationData = Record<string, unknown>;
/** `zone` is the reader's: a date in a notice is written in the zone of whoever reads it. */
type Texts = Record<NotificationType, (d: NotificationData, zone: string) => RenderedNotification>;

/** A value of the event's data as short text; events come from other modules, so nothing is assumed. */
export function field(data: NotificationData, key: string, fallback: string): string {
  const value = data[key];
  if (typeof value === 'string' && value.trim()) return value.trim().slice(0, 300);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return fallback;
}

/** A moment written for people of that language, in the reader's zone (named, so nobody guesses). */
export function formatTime(time: Date, language: Language, zone: string = DEFAULT_TIME_ZONE): string {
  return formatForReader(time, language, zone);
}

/** A time in the data (ISO 8601) written for people of that language; other text as it is. */
function when(data: NotificationData, key: string, language: Language, fallback: string, zone: string): string {
  const text = field(data, key, '');
  const time = /^\d{4}-\d{2}-\d{2}T/.test(text) ? new Date(text) : null;
  if (!time || Number.isNaN(time.getTime())) return text || fallback;
  return formatTime(time, language, zone);
}

/** Decisions arrive as verbs of the API (`accept`); other values are shown as they are. */
const DECISIONS: Record<Language, Record<string, string>> = {
  en: { shortlist: 'shortlisted', accept: 'accepted', waitlist: 'waitlisted', reject: 'not accepted', revert: 'decision reverted' },
  es: { shortlist: 'preseleccionada', accept: 'aceptada', waitlist: 'en lista de espera', reject: 'no aceptada', revert: 'decisión revertida' },
};
/**
 * Who cancelled a fair meeting (`cancelledBy` of the event). A consent withdrawal is sent as the
 * candidate's cancellation; `withdrawal` (events stored before that) reads the same, giving no reason.
 */
const CANCELLED_BY: Record<Language, Record<string, string>> = {
  en: { trainee: 'by the candidate', admin: 'by the programme staff', withdrawal: 'by the candidate' },
  es: { trainee: 'por la persona candidata', admin: 'por el personal del programa', withdrawal: 'por la persona candidata' },
};
const cancelledBy = (d: NotificationData, language: Language) => CANCELLED_BY[language][field(d, 'cancelledBy', '')] ?? (language === 'en' ? 'before it began' : 'antes de empezar');

const decision = (d: NotificationData, language: Language, fallback: string) => {
  const value = field(d, 'decision', '');
  return value ? (DECISIONS[language][value] ?? value) : fallback;
};

/** What happened to the application, as the rest of a sentence ("Your application to X …"). */
const DECIDED_AS: Record<Language, Record<string, (rank: string) => string>> = {
  en: {
    shortlist: () => 'was shortlisted',
    accept: () => 'was accepted',
    waitlist: (rank) => (rank ? `was put on the waitlist, at position ${rank}` : 'was put on the waitlist'),
    reject: () => 'was not accepted',
  },
  es: {
    shortlist: () => 'fue preseleccionada',
    accept: () => 'fue aceptada',
    waitlist: (rank) => (rank ? `quedó en la lista de espera, en el puesto ${rank}` : 'quedó en la lista de espera'),
    reject: () => 'no fue aceptada',
  },
};
/** A reverted decision: the application is back in the status it had (`status` of the data). */
const REVERTED_TO: Record<Language, Record<string, string>> = {
  en: { submitted: 'is under review again', shortlisted: 'is shortlisted again', waitlisted: 'is back on the waitlist', accepted: 'is accepted again' },
  es: { submitted: 'vuelve a estar en revisión', shortlisted: 'vuelve a estar preseleccionada', waitlisted: 'vuelve a la lista de espera', accepted: 'vuelve a estar aceptada' },
};
function reverted(d: NotificationData, language: Language): string {
  const now = REVERTED_TO[language][field(d, 'status', '')];
  const head = language === 'es' ? 'tuvo una decisión revertida' : 'had a decision reverted';
  return now ? `${head}: ${language === 'es' ? 'ahora' : 'it'} ${now}` : head;
}
const UNKNOWN_DECISION: Record<Language, string> = { en: 'has a decision: see GDS Academy for details', es: 'ya tiene respuesta: consulta GDS Academy para ver los detalles' };
const decidedAs = (d: NotificationData, language: Language) =>
  field(d, 'decision', '') === 'revert' ? reverted(d, language) : DECIDED_AS[language][field(d, 'decision', '')]?.(field(d, 'waitlistRank', '')) ?? UNKNOWN_DECISION[language];

/** The reason staff gave (up to the 1,000 characters a decision allows), told to the applicant as they wrote it. */
function withReason(sentence: string, d: NotificationData, language: Language): string {
  const reason = typeof d.reason === 'string' ? d.reason.trim().slice(0, 1000) : '';
  if (!reason) return sentence;
  return `${sentence} ${language === 'es' ? 'Motivo' : 'Reason'}: ${reason}`;
}

/** What an exception gives: a new due date, extra attempts, or both. */
function exceptionTerms(d: NotificationData, language: Language, zone: string): string {
  const extra = typeof d.extraAttempts === 'number' && d.extraAttempts > 0 ? d.extraAttempts : 0;
  const due = typeof d.dueAt === 'string' && d.dueAt ? when(d, 'dueAt', language, '', zone) : '';
  const parts = language === 'es'
    ? [due && `la nueva fecha límite es ${due}`, extra && (extra === 1 ? 'tienes un intento más' : `tienes ${extra} intentos más`)]
    : [due && `your new due date is ${due}`, extra && (extra === 1 ? 'you have one more attempt' : `you have ${extra} more attempts`)];
  const given = parts.filter((p): p is string => !!p);
  if (given.length === 0) return language === 'es' ? 'se te concedió una excepción' : 'you were granted an exception';
  return given.join(language === 'es' ? ' y ' : ' and ');
}

/** Staff's own words, as long as an announcement allows (field() keeps 300 characters, for names). */
function message(data: NotificationData, key: string, fallback: string): string {
  const value = data[key];
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, 5000) : fallback;
}

/** The weekly digest's figures as a sentence, when the data holds them (the cohort module's scan sends numbers). */
function digestFigures(d: NotificationData, language: Language): string | null {
  const n = (key: string) => (typeof d[key] === 'number' ? (d[key] as number) : null);
  const [active, atRisk, completed, percent] = [n('active'), n('atRisk'), n('completed'), n('averagePercent')];
  if (active === null || atRisk === null || completed === null || percent === null) return null;
  return language === 'es'
    ? `${active} en curso (${atRisk} en riesgo), ${completed} completaron; progreso medio ${Math.round(percent)} %.`
    : `${active} active (${atRisk} at risk), ${completed} completed; average progress ${Math.round(percent)}%.`;
}

/** The start in the reader's zone, when the data holds it. */
function startsAt(d: NotificationData, language: Language, zone: string): string {
  return when(d, 'startsAt', language, '', zone);
}

/** At-risk reasons arrive as codes of the cohort module's scan. */
const AT_RISK_REASONS: Record<Language, Record<string, string>> = {
  en: { failing: 'an assessment was failed and not yet passed', inactive: 'no learning activity for several days' },
  es: { failing: 'suspendió una evaluación y aún no la ha aprobado', inactive: 'varios días sin actividad de aprendizaje' },
};

/** Revocation reasons arrive as a code with an English label (`reason`); Spanish readers get their own words. */
const REVOCATION_REASONS_ES: Record<string, string> = {
  'issued-in-error': 'se emitió por error (persona, curso o datos equivocados)',
  'academic-misconduct': 'falta de integridad académica (por ejemplo, plagio o respuestas compartidas)',
  'criteria-no-longer-met': 'ya no se cumplen los criterios de finalización (por ejemplo, tras una recalificación)',
  'holder-request': 'se retiró a petición de su titular',
  other: 'otro motivo (registrado por la institución emisora)',
};

function importSummary(d: NotificationData, language: Language): string | null {
  if (typeof d.enrolled !== 'number') return null;
  const [enrolled, already, errors] = [d.enrolled, Number(d.alreadyEnrolled ?? 0), Number(d.errors ?? 0)];
  return language === 'es'
    ? `${enrolled} inscritos, ${already} ya estaban inscritos, ${errors} con errores`
    : `${enrolled} enrolled, ${already} already enrolled, ${errors} with errors`;
}

const EN: Texts = {
  'application-decided': (d) => ({
    title: `Your application to ${field(d, 'cohortName', 'a cohort')}: ${decision(d, 'en', 'decided')}`,
    text: withReason(`Your application to ${field(d, 'cohortName', 'the cohort')} ${decidedAs(d, 'en')}.`, d, 'en'),
  }),
  enrolled: (d) => ({
    title: `You are enrolled in ${field(d, 'cohortName', 'a cohort')}`,
    text: `Welcome! You are now enrolled in ${field(d, 'cohortName', 'your cohort')}.`,
  }),
  'promoted-from-waitlist': (d) => ({
    title: `A seat opened in ${field(d, 'cohortName', 'your cohort')}`,
    text: `You moved from the waitlist into ${field(d, 'cohortName', 'the cohort')}.`,
  }),
  'module-unlocked': (d) => ({
    title: `New module open: ${field(d, 'moduleTitle', 'a module')}`,
    text: `The module ${field(d, 'moduleTitle', 'of your course')} is now open.`,
  }),
  'submission-graded': (d) => ({
    title: `Graded: ${field(d, 'assessmentTitle', 'your submission')}`,
    text: `Your submission for ${field(d, 'assessmentTitle', 'an assessment')} was graded: ${field(d, 'score', '?')} / ${field(d, 'maxScore', '?')}.`,
  }),
  'submission-needs-review': (d) => ({
    title: `Waiting for review: ${field(d, 'assessmentTitle', 'a submission')}`,
    text: `${field(d, 'traineeName', 'A trainee')} submitted ${field(d, 'assessmentTitle', 'work')} that needs your review.`,
  }),
  'submission-grading-failed': (d) => ({
    title: `Grading failed: ${field(d, 'assessmentTitle', 'a submission')}`,
    text: `A submission could not be graded and waits in your review queue: ${field(d, 'reason', 'see the submission')}.`,
  }),
  'deadline-approaching': (d, zone) => ({
    title: `Due soon: ${field(d, 'assessmentTitle', 'an assessment')}`,
    text: `${field(d, 'assessmentTitle', 'An assessment')} is due at ${when(d, 'dueAt', 'en', 'its deadline', zone)}.`,
  }),
  'at-risk': (d) => ({
    title: `Falling behind in ${field(d, 'cohortName', 'a cohort')}`,
    text: `${field(d, 'traineeName', 'A trainee')} may be falling behind: ${AT_RISK_REASONS.en[field(d, 'reason', '')] ?? field(d, 'reason', 'no recent activity')}.`,
  }),
  'certificate-issued': (d) => ({
    title: `Certificate issued: ${field(d, 'courseTitle', 'your course')}`,
    text: `Congratulations! Your certificate for ${field(d, 'courseTitle', 'the course')} has been issued.`,
  }),
  'certificate-revoked': (d) => ({
    title: `Certificate revoked: ${field(d, 'courseTitle', 'a course')}`,
    text: `Your certificate for ${field(d, 'courseTitle', 'the course')} was revoked: ${field(d, 'reason', 'no reason given')}.`,
  }),
  'cohort-digest': (d) => ({
    title: `Weekly digest: ${field(d, 'cohortName', 'your cohort')}`,
    text: field(d, 'summary', digestFigures(d, 'en') ?? 'This week in your cohort.'),
  }),
  'webhook-disabled': (d) => ({
    title: 'A webhook was disabled',
    text: `The webhook to ${field(d, 'url', 'a receiver')} was disabled after ${d.failures === 1 ? 'a failed delivery' : `${field(d, 'failures', 'repeated')} consecutive failed deliveries`}.`,
  }),
  'import-finished': (d) => ({
    title: `Import finished: ${field(d, 'cohortName', 'trainees')}`,
    text: `The trainee import into ${field(d, 'cohortName', 'the cohort')} finished: ${field(d, 'summary', importSummary(d, 'en') ?? 'see the import for details')}.`,
  }),
  'assessment-exception-granted': (d, zone) => ({
    title: `Exception granted: ${field(d, 'assessmentTitle', 'an assessment')}`,
    text: withReason(`For ${field(d, 'assessmentTitle', 'an assessment')}, ${exceptionTerms(d, 'en', zone)}.`, d, 'en'),
  }),
  announcement: (d) => ({
    title: `${field(d, 'cohortName', 'Your cohort')}: ${field(d, 'subject', 'announcement')}`,
    text: message(d, 'body', 'Your instructors sent an announcement.'),
  }),
  'application-received': (d) => ({
    title: `Application received: ${field(d, 'cohortName', 'a cohort')}`,
    text: `We received your application to ${field(d, 'cohortName', 'the cohort')}. It waits for a decision; we will tell you when there is one.`,
  }),
  'cohort-starts-today': (d, zone) => {
    const at = startsAt(d, 'en', zone);
    if (d.joinedLate === true) {
      return {
        title: `Welcome, your course has started: ${field(d, 'courseTitle', field(d, 'cohortName', 'your cohort'))}`,
        text: `${field(d, 'cohortName', 'Your cohort')} began${at ? ` on ${at}` : ''}, before you joined. Your first module is waiting for you.`,
      };
    }
    return {
      title: `Your course starts today: ${field(d, 'courseTitle', field(d, 'cohortName', 'your cohort'))}`,
      text: `${field(d, 'cohortName', 'Your cohort')} starts today${at ? ` (${at})` : ''}. Your first module is waiting for you.`,
    };
  },
  'course-version-changed': (d) => ({
    title: `Course updated: ${field(d, 'courseTitle', 'your course')}`,
    text: withReason(`${field(d, 'courseTitle', 'Your course')} in ${field(d, 'cohortName', 'your cohort')} now runs version ${field(d, 'toVersion', '?')}. Your progress and your work are kept.`, d, 'en'),
  }),
  'interview-requested': (d) => ({
    title: `Interview request: ${field(d, 'roleTitle', 'a role')}`,
    text: `${field(d, 'organisationName', 'An employer')} asks you to an interview for ${field(d, 'roleTitle', 'a role')}. Accept to share your contact details with them, or decline.`,
  }),
  'interview-answered': (d) => ({
    title: `Interview request ${d.answer === 'accepted' ? 'accepted' : 'declined'}: ${field(d, 'roleTitle', 'a role')}`,
    text: `${field(d, 'traineeName', 'A candidate')} ${d.answer === 'accepted' ? 'accepted your interview request; their contact details are on their profile' : 'declined your interview request'}.`,
  }),
  'fair-meeting-reminder': (d, zone) => ({
    title: `Reminder: ${field(d, 'fairName', 'career fair')} meeting`,
    text: `Your one-to-one meeting at ${field(d, 'fairName', 'the career fair')} with ${field(d, 'organisationName', 'an employer')} starts at ${when(d, 'startsAt', 'en', 'the booked time', zone)}.`,
  }),
  'fair-meeting-cancelled': (d, zone) => ({
    title: `Meeting cancelled: ${field(d, 'fairName', 'career fair')}`,
    text: `The one-to-one meeting at ${field(d, 'fairName', 'the career fair')} at ${when(d, 'startsAt', 'en', 'the booked time', zone)}${d.traineeName ? ` with ${field(d, 'traineeName', '')}` : ''}${d.organisationName ? ` (${field(d, 'organisationName', '')})` : ''} was cancelled ${cancelledBy(d, 'en')}. The slot is free again.`,
  }),
  'placement-follow-up-due': (d) => ({
    title: `Placement follow-up due: ${field(d, 'month', '?')} months`,
    text: `The ${field(d, 'month', '?')}-month follow-up of the placement as ${field(d, 'role', 'a role')} at ${field(d, 'employer', 'an employer')} is due: record whether the graduate is still in the role.`,
  }),
};

const ES: Texts = {
  'application-decided': (d) => ({
    title: `Tu solicitud a ${field(d, 'cohortName', 'una cohorte')}: ${decision(d, 'es', 'resuelta')}`,
    text: withReason(`Tu solicitud a ${field(d, 'cohortName', 'la cohorte')} ${decidedAs(d, 'es')}.`, d, 'es'),
  }),
  enrolled: (d) => ({
    title: `Ya tienes plaza en ${field(d, 'cohortName', 'una cohorte')}`,
    text: `¡Te damos la bienvenida! Ya formas parte de ${field(d, 'cohortName', 'tu cohorte')}.`,
  }),
  'promoted-from-waitlist': (d) => ({
    title: `Se liberó una plaza en ${field(d, 'cohortName', 'tu cohorte')}`,
    text: `Pasaste de la lista de espera a ${field(d, 'cohortName', 'la cohorte')}.`,
  }),
  'module-unlocked': (d) => ({
    title: `Nuevo módulo disponible: ${field(d, 'moduleTitle', 'un módulo')}`,
    text: `El módulo ${field(d, 'moduleTitle', 'de tu curso')} ya está disponible.`,
  }),
  'submission-graded': (d) => ({
    title: `Calificada: ${field(d, 'assessmentTitle', 'tu entrega')}`,
    text: `Tu entrega de ${field(d, 'assessmentTitle', 'una evaluación')} ya tiene calificación: ${field(d, 'score', '?')} / ${field(d, 'maxScore', '?')}.`,
  }),
  'submission-needs-review': (d) => ({
    title: `Pendiente de revisión: ${field(d, 'assessmentTitle', 'una entrega')}`,
    text: `${field(d, 'traineeName', 'Un participante')} entregó ${field(d, 'assessmentTitle', 'un trabajo')}, que necesita tu revisión.`,
  }),
  'submission-grading-failed': (d) => ({
    title: `No se pudo calificar: ${field(d, 'assessmentTitle', 'una entrega')}`,
    text: `Una entrega no se pudo calificar y espera en tu cola de revisión: ${field(d, 'reason', 'consulta la entrega')}.`,
  }),
  'deadline-approaching': (d, zone) => ({
    title: `Vence pronto: ${field(d, 'assessmentTitle', 'una evaluación')}`,
    text: `La fecha límite de ${field(d, 'assessmentTitle', 'una evaluación')} es: ${when(d, 'dueAt', 'es', 'muy pronto', zone)}.`,
  }),
  'at-risk': (d) => ({
    title: `Riesgo de quedarse atrás en ${field(d, 'cohortName', 'una cohorte')}`,
    text: `${field(d, 'traineeName', 'Un participante')} podría estar quedándose atrás: ${AT_RISK_REASONS.es[field(d, 'reason', '')] ?? field(d, 'reason', 'sin actividad reciente')}.`,
  }),
  'certificate-issued': (d) => ({
    title: `Certificado emitido: ${field(d, 'courseTitle', 'tu curso')}`,
    text: `¡Felicidades! Ya se emitió tu certificado de ${field(d, 'courseTitle', 'el curso')}.`,
  }),
  'certificate-revoked': (d) => ({
    title: `Certificado revocado: ${field(d, 'courseTitle', 'un curso')}`,
    text: `Tu certificado de ${field(d, 'courseTitle', 'el curso')} fue revocado: ${REVOCATION_REASONS_ES[field(d, 'reasonCode', '')] ?? field(d, 'reason', 'no se indicó el motivo')}.`,
  }),
  'cohort-digest': (d) => ({
    title: `Resumen semanal: ${field(d, 'cohortName', 'tu cohorte')}`,
    text: field(d, 'summary', digestFigures(d, 'es') ?? 'Esta semana en tu cohorte.'),
  }),
  'webhook-disabled': (d) => ({
    title: 'Se desactivó un webhook',
    text: `El webhook hacia ${field(d, 'url', 'un receptor')} se desactivó tras ${d.failures === 1 ? 'una entrega fallida' : `${field(d, 'failures', 'varias')} entregas fallidas seguidas`}.`,
  }),
  'import-finished': (d) => ({
    title: `Importación terminada: ${field(d, 'cohortName', 'participantes')}`,
    text: `La importación de participantes a ${field(d, 'cohortName', 'la cohorte')} terminó: ${field(d, 'summary', importSummary(d, 'es') ?? 'consulta la importación para ver los detalles')}.`,
  }),
  'assessment-exception-granted': (d, zone) => ({
    title: `Excepción concedida: ${field(d, 'assessmentTitle', 'una evaluación')}`,
    text: withReason(`En ${field(d, 'assessmentTitle', 'una evaluación')}, ${exceptionTerms(d, 'es', zone)}.`, d, 'es'),
  }),
  announcement: (d) => ({
    title: `${field(d, 'cohortName', 'Tu cohorte')}: ${field(d, 'subject', 'aviso')}`,
    text: message(d, 'body', 'Tus instructores enviaron un aviso.'),
  }),
  'application-received': (d) => ({
    title: `Solicitud recibida: ${field(d, 'cohortName', 'una cohorte')}`,
    text: `Recibimos tu solicitud a ${field(d, 'cohortName', 'la cohorte')}. Está pendiente de decisión; te avisaremos cuando la haya.`,
  }),
  'cohort-starts-today': (d, zone) => {
    const at = startsAt(d, 'es', zone);
    if (d.joinedLate === true) {
      return {
        title: `Te damos la bienvenida, tu curso ya empezó: ${field(d, 'courseTitle', field(d, 'cohortName', 'tu cohorte'))}`,
        text: `${field(d, 'cohortName', 'Tu cohorte')} empezó${at ? ` el ${at}` : ''}, antes de que te unieras. Tu primer módulo te espera.`,
      };
    }
    return {
      title: `Tu curso empieza hoy: ${field(d, 'courseTitle', field(d, 'cohortName', 'tu cohorte'))}`,
      text: `${field(d, 'cohortName', 'Tu cohorte')} empieza hoy${at ? ` (${at})` : ''}. Tu primer módulo te espera.`,
    };
  },
  'course-version-changed': (d) => ({
    title: `Curso actualizado: ${field(d, 'courseTitle', 'tu curso')}`,
    text: withReason(`${field(d, 'courseTitle', 'Tu curso')} en ${field(d, 'cohortName', 'tu cohorte')} usa ahora la versión ${field(d, 'toVersion', '?')}. Tu progreso y tus entregas se mantienen.`, d, 'es'),
  }),
  'interview-requested': (d) => ({
    title: `Solicitud de entrevista: ${field(d, 'roleTitle', 'un puesto')}`,
    text: `${field(d, 'organisationName', 'Un empleador')} te invita a una entrevista para ${field(d, 'roleTitle', 'un puesto')}. Acepta para compartir tus datos de contacto con ellos, o rechaza.`,
  }),
  'interview-answered': (d) => ({
    title: `Solicitud de entrevista ${d.answer === 'accepted' ? 'aceptada' : 'rechazada'}: ${field(d, 'roleTitle', 'un puesto')}`,
    text: `${field(d, 'traineeName', 'Una persona candidata')} ${d.answer === 'accepted' ? 'aceptó tu solicitud de entrevista; sus datos de contacto están en su perfil' : 'rechazó tu solicitud de entrevista'}.`,
  }),
  'fair-meeting-reminder': (d, zone) => ({
    title: `Recordatorio: reunión en ${field(d, 'fairName', 'la feria de empleo')}`,
    text: `Tu reunión individual en ${field(d, 'fairName', 'la feria de empleo')} con ${field(d, 'organisationName', 'un empleador')} empieza el ${when(d, 'startsAt', 'es', 'la hora reservada', zone)}.`,
  }),
  'fair-meeting-cancelled': (d, zone) => ({
    title: `Reunión cancelada: ${field(d, 'fairName', 'feria de empleo')}`,
    text: `La reunión individual en ${field(d, 'fairName', 'la feria de empleo')} del ${when(d, 'startsAt', 'es', 'la hora reservada', zone)}${d.traineeName ? ` con ${field(d, 'traineeName', '')}` : ''}${d.organisationName ? ` (${field(d, 'organisationName', '')})` : ''} fue cancelada ${cancelledBy(d, 'es')}. El horario vuelve a estar libre.`,
  }),
  'placement-follow-up-due': (d) => ({
    title: `Seguimiento de colocación pendiente: ${field(d, 'month', '?')} meses`,
    text: `Toca el seguimiento a los ${field(d, 'month', '?')} meses de la colocación como ${field(d, 'role', 'un puesto')} en ${field(d, 'employer', 'un empleador')}: registra si la persona sigue en el puesto.`,
  }),
};

/** Every notification's title and text, in every language (a unit test checks that none is missing). */
export const NOTIFICATION_TEXTS: Record<Language, Texts> = { en: EN, es: ES };
