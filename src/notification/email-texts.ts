import type { AccountEmailKind } from '@gds/queue';
import type { Language } from '../identity/languages.contract';

/** The words around every notification email (footer, digest subject). */
export interface EmailChrome {
  openNotifications: string;
  /** The label of a notification's own link (to the application, assessment, certificate...). */
  openPlace: string;
  preferencesHint: string;
  digestSubject(count: number): string;
}

/** One account email: the owner's name, the link's action and when it stops working. */
export interface AccountEmailValues {
  displayName: string;
  expiresAt: string;
}

export interface AccountEmailText {
  subject: string;
  greeting(values: AccountEmailValues): string;
  lead: string;
  action: string;
  after(values: AccountEmailValues): string;
}

export const EMAIL_CHROME: Record<Language, EmailChrome> = {
  en: {
    openNotifications: 'Open your notifications',
    openPlace: 'Open it in GDS Academy',
    preferencesHint: 'Change what we send you in your notification preferences.',
    digestSubject: (n) => `Your GDS Academy digest: ${n} notification${n === 1 ? '' : 's'}`,
  },
  es: {
    openNotifications: 'Abrir tus notificaciones',
    openPlace: 'Abrirlo en GDS Academy',
    preferencesHint: 'Puedes cambiar lo que te enviamos en tus preferencias de notificación.',
    digestSubject: (n) => `Tu resumen de GDS Academy: ${n} ${n === 1 ? 'notificación' : 'notificaciones'}`,
  },
};

/** Invitation and password reset emails, in every language (a unit test checks that none is missing). */
export const ACCOUNT_EMAIL_TEXTS: Record<Language, Record<AccountEmailKind, AccountEmailText>> = {
  en: {
    invitation: {
      subject: 'You are invited to GDS Academy',
      greeting: (v) => `Hello ${v.displayName},`,
      lead: 'An account was created for you at GDS Academy. Choose your password to start:',
      action: 'Choose your password',
      after: (v) => `The link works once, until ${v.expiresAt}. If you did not expect this email, you can ignore it.`,
    },
    'password-reset': {
      subject: 'Reset your GDS Academy password',
      greeting: (v) => `Hello ${v.displayName},`,
      lead: 'Someone, hopefully you, asked to reset the password of your GDS Academy account. Choose a new password here:',
      action: 'Choose a new password',
      after: (v) => `The link works once, for 30 minutes (until ${v.expiresAt}). If you did not ask for it, ignore this email: your password stays as it is.`,
    },
  },
  es: {
    invitation: {
      subject: 'Te invitamos a GDS Academy',
      greeting: (v) => `Hola, ${v.displayName}:`,
      lead: 'Creamos una cuenta para ti en GDS Academy. Elige tu contraseña para empezar:',
      action: 'Elegir tu contraseña',
      after: (v) => `El enlace funciona una sola vez, hasta el ${v.expiresAt}. Si no esperabas este correo, puedes ignorarlo.`,
    },
    'password-reset': {
      subject: 'Restablece tu contraseña de GDS Academy',
      greeting: (v) => `Hola, ${v.displayName}:`,
      lead: 'Alguien, esperamos que tú, pidió restablecer la contraseña de tu cuenta de GDS Academy. Elige una nueva contraseña aquí:',
      action: 'Elegir una nueva contraseña',
      after: (v) => `El enlace funciona una sola vez durante 30 minutos (hasta el ${v.expiresAt}). Si no lo pediste, ignora este correo: tu contraseña no cambia.`,
    },
  },
};
