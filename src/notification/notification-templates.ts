import { escapeHtml } from '@gds/http';
import type { AccountEmailKind } from '@gds/queue';
import { DEFAULT_TIME_ZONE } from '@gds/time';
import { DEFAULT_LANGUAGE, isLanguage, Language } from '../identity/languages.contract';
import { formatTime, NOTIFICATION_TEXTS, NotificationData, RenderedNotification } from './notification-texts';
import { ACCOUNT_EMAIL_TEXTS, EMAIL_CHROME } from './email-texts';
import { notificationScreen } from './notification-links';

export type { RenderedNotification } from './notification-texts';

const UNKNOWN: Record<Language, RenderedNotification> = {
  en: { title: 'Notification', text: 'You have a new notification.' },
  es: { title: 'Notificación', text: 'Tienes una notificación nueva.' },
};

/** A stored language, or the default for anything else (emails must go out whatever the row says). */
const languageOf = (language: unknown): Language => (isLanguage(language) ? language : DEFAULT_LANGUAGE);

/** Who reads: their language and their time zone (dates are written in it). */
export interface Reader {
  language?: Language;
  timeZone?: string;
}

export function renderNotification(type: string, data: NotificationData, language: Language = DEFAULT_LANGUAGE, timeZone: string = DEFAULT_TIME_ZONE): RenderedNotification {
  const lang = languageOf(language);
  const template = (NOTIFICATION_TEXTS[lang] as Record<string, ((d: NotificationData, zone: string) => RenderedNotification) | undefined>)[type];
  return template ? template(data, timeZone) : UNKNOWN[lang];
}

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** Links in emails open screens of the web app (served under /app/), never API paths. */
export const APP_SCREENS = {
  notifications: 'notifications',
  invitation: 'accept-invitation',
  'password-reset': 'reset-password',
} as const;

const appLink = (baseUrl: string, screen: string) => `${baseUrl}/app/${screen}`;

interface HtmlPage {
  language: Language;
  title: string;
  paragraphs: string[];
  link: { href: string; label: string };
  closing?: string[];
}

/** Plain text's lines (an announcement's body keeps its line breaks) as HTML paragraphs. */
const linesOf = (text: string): string[] => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);

/** Every piece of text is escaped here, once: callers hand over plain text. */
function htmlPage(page: HtmlPage): string {
  const paragraphs = (items: string[]) => items.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return [
    `<!doctype html><html lang="${page.language}"><body><h1>${escapeHtml(page.title)}</h1>`,
    paragraphs(page.paragraphs),
    `<p><a href="${escapeHtml(page.link.href)}">${escapeHtml(page.link.label)}</a></p>`,
    paragraphs(page.closing ?? []),
    '</body></html>',
  ].join('\n');
}

function notificationFooter(baseUrl: string, language: Language): { text: string; link: { href: string; label: string }; hint: string } {
  const chrome = EMAIL_CHROME[language];
  const href = appLink(baseUrl, APP_SCREENS.notifications);
  return { text: `${chrome.openNotifications}: ${href}\n${chrome.preferencesHint}`, link: { href, label: chrome.openNotifications }, hint: chrome.preferencesHint };
}

/**
 * The email of one notification, in plain text and HTML, in the recipient's language: its link opens
 * the screen where the notice is acted on (the application, the assessment...), the footer the inbox.
 */
export function notificationEmail(type: string, data: NotificationData, baseUrl: string, language: Language = DEFAULT_LANGUAGE, timeZone: string = DEFAULT_TIME_ZONE): EmailContent {
  const lang = languageOf(language);
  const { title, text } = renderNotification(type, data, lang, timeZone);
  const footer = notificationFooter(baseUrl, lang);
  const screen = notificationScreen(type, data);
  if (screen === APP_SCREENS.notifications) {
    return { subject: title, text: `${text}\n\n${footer.text}\n`, html: htmlPage({ language: lang, title, paragraphs: linesOf(text), link: footer.link, closing: [footer.hint] }) };
  }
  const link = { href: appLink(baseUrl, screen), label: EMAIL_CHROME[lang].openPlace };
  return {
    subject: title,
    text: `${text}\n\n${link.label}: ${link.href}\n\n${footer.text}\n`,
    html: htmlPage({ language: lang, title, paragraphs: linesOf(text), link, closing: [`${footer.link.label}: ${footer.link.href}`, footer.hint] }),
  };
}

/** One email for several notifications queued in digest mode. */
export function digestEmail(items: Array<{ type: string; data: NotificationData }>, baseUrl: string, language: Language = DEFAULT_LANGUAGE, timeZone: string = DEFAULT_TIME_ZONE): EmailContent {
  const lang = languageOf(language);
  const rendered = items.map((item) => renderNotification(item.type, item.data, lang, timeZone));
  const subject = EMAIL_CHROME[lang].digestSubject(rendered.length);
  const lines = rendered.map((r) => `- ${r.title}: ${r.text}`);
  const footer = notificationFooter(baseUrl, lang);
  return {
    subject,
    text: `${lines.join('\n')}\n\n${footer.text}\n`,
    html: htmlPage({ language: lang, title: subject, paragraphs: rendered.map((r) => `${r.title}: ${r.text}`), link: footer.link, closing: [footer.hint] }),
  };
}

export interface AccountEmailInput {
  displayName: string;
  /** The one-time token: it goes into the link's fragment, which browsers never send to a server. */
  token: string;
  expiresAt: Date;
}

/** An invitation or password reset email: a link to the web app's screen with the token in its fragment. */
export function accountEmail(kind: AccountEmailKind, input: AccountEmailInput, baseUrl: string, language: Language = DEFAULT_LANGUAGE, timeZone: string = DEFAULT_TIME_ZONE): EmailContent {
  const lang = languageOf(language);
  const texts = ACCOUNT_EMAIL_TEXTS[lang][kind];
  const values = { displayName: input.displayName, expiresAt: formatTime(input.expiresAt, lang, timeZone) };
  const href = `${appLink(baseUrl, APP_SCREENS[kind])}#token=${encodeURIComponent(input.token)}`;
  const greeting = texts.greeting(values);
  const after = texts.after(values);
  return {
    subject: texts.subject,
    text: `${greeting}\n\n${texts.lead}\n${href}\n\n${after}\n`,
    html: htmlPage({ language: lang, title: texts.subject, paragraphs: [greeting, texts.lead], link: { href, label: texts.action }, closing: [after] }),
  };
}
