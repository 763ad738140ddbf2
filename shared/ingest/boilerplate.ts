// What counts as page chrome rather than content: navigation, banners, credits, footers, link
// lists and "other materials" blocks. General rules in EN and RU, not rules for particular pages.
import { readDateLine } from './dates';

// Whole-line navigation labels, compared lower-cased with bullets, arrows and pipes stripped.
const NAVIGATION = new Set([
  'all news', 'main page', 'main', 'home', 'home page', 'homepage', 'print version', 'print', 'printable version',
  'go back', 'back', 'back to the section', 'back to section', 'back to the all news', 'back to all news',
  'back to news', 'back to the news', 'back to the list', 'back to list', 'back to top', 'to top', 'top', 'up',
  'read more', 'more', 'more news', 'details', 'share', 'share this', 'tweet', 'subscribe', 'next', 'previous',
  'next news', 'previous news', 'next article', 'previous article', 'links', 'useful links', 'related links',
  'search', 'menu', 'sitemap', 'site map', 'contacts', 'contact us', 'about us', 'rss', 'news', 'print this page',
  'version for the visually impaired', 'english', 'русский', 'eng', 'рус', 'en', 'ru', 'send by e-mail',
  'все новости', 'главная', 'главная страница', 'на главную', 'версия для печати', 'распечатать', 'печать',
  'назад', 'вернуться', 'вернуться назад', 'вернуться к списку', 'вернуться к списку новостей',
  'вернуться в раздел', 'к списку новостей', 'к списку', 'в начало', 'наверх', 'подробнее', 'читать далее',
  'читать полностью', 'поделиться', 'ссылки', 'полезные ссылки', 'поиск', 'меню', 'карта сайта', 'контакты',
  'версия для слабовидящих', 'новости', 'лента новостей', 'следующая новость', 'предыдущая новость',
  'отправить по почте', 'подписаться', 'комментарии', 'comments', 'tags', 'теги', 'метки', 'keywords',
]);

// Headings of blocks that list other pages; everything after them is chrome.
const RELATED_BLOCK =
  /^(?:other materials|other news|related news|related materials|related articles|related stories|read also|see also|more on this topic|more news on the topic|latest news|recent news|популярное|другие материалы|другие новости|читайте также|смотрите также|см\. также|похожие новости|похожие материалы|последние новости|ещё новости|еще новости|новости по теме|материалы по теме|по теме|рекомендуем)[:.]?$/iu;

const SITE_BANNER =
  /^[\p{L}\d .'’&-]{2,50}\s[-–—|:]\s(?:an?\s)?(?:analytical|information|informational|news|official|internet|online|web|аналитический|информационный|информационно-аналитический|новостной|официальный|интернет)[\s-]+(?:resource|portal|site|website|agency|server|ресурс|портал|сайт|агентство|сервер)(?![\p{L}]).{0,40}$/iu;
const TODAY_BANNER = /^(?:today(?:\s+is)?|сегодня)[:,]?\s+/iu;
const URL_ONLY = /^(?:<)?(?:https?:\/\/|www\.)\S+(?:>)?(?:\s*(?:…|\.\.\.))?$/iu;
const PHOTO_CREDIT = /^(?:фото|фотография|photo|photos|photo credit|image|изображение|источник фото|иллюстрация|illustration|видео|video)\s*(?:by\s|[:：©])/iu;
const FOOTER = /^(?:©|\(c\)\s|copyright\b)|all rights reserved|все права защищены|при (?:использовании|цитировании|перепечатке) материалов|when using (?:the )?materials/iu;
const BREADCRUMB = /^[^.!?]{1,40}(?:\s(?:>|»|\/|→|\|)\s[^.!?]{1,60}){2,}$/u;

const TERMINAL = /[.!?…:;](?:["”»’')\]]*)$/u;
// Counters, bare times, relative timestamps, share bars and tag lists: metadata, not content.
const METADATA = [
  /^\d{1,9}$/u,
  /^\d{1,2}:\d{2}$/u,
  /^\d[\d\s]{0,9}\s*(?:views?|comments?|просмотр\p{L}*|комментари\p{L}*)$/iu,
  /^(?:сегодня|вчера|today|yesterday)[,\s]+(?:в\s+)?\d{1,2}:\d{2}$/iu,
  /^(?:share|поделиться|share on)\s*[:\-]/iu,
  /^(?:tags|теги|метки|keywords|ключевые слова|рубрики?|categories)\s*:/iu,
];
const NAV_HEAD = /^(?:home|main page|main|главная|главная страница)\s*(?:>|»|\/|→|\|)/iu;

/** Strips list bullets, arrows and separators that decorate navigation labels. */
function stripDecoration(line: string): string {
  return line.replace(/^[\s\u00a0•·►▶▸»«<>←→|*-]+|[\s\u00a0•·►▶▸»«<>←→|*:-]+$/gu, '');
}

/** True for a line that is page chrome on its own: navigation, banner, credit, footer, bare URL. */
export function isBoilerplateLine(line: string): boolean {
  const bare = stripDecoration(line);
  if (bare.length === 0) return line.length > 0;
  if (NAVIGATION.has(bare.toLowerCase())) return true;
  if (bare.length <= 120 && SITE_BANNER.test(bare)) return true;
  if (URL_ONLY.test(bare)) return true;
  if (bare.length <= 100 && PHOTO_CREDIT.test(bare)) return true;
  if (bare.length <= 200 && FOOTER.test(bare)) return true;
  if (bare.length <= 120 && BREADCRUMB.test(bare) && !TERMINAL.test(bare)) return true;
  if (bare.length <= 120 && NAV_HEAD.test(bare)) return true;
  if (bare.length <= 200 && METADATA.some((re) => re.test(bare))) return true;
  return isTodayBanner(bare);
}

/** "Today is Monday, 12 May 2025" / «Сегодня 12 мая 2025»: a banner only when the rest is a date. */
function isTodayBanner(line: string): boolean {
  const m = TODAY_BANNER.exec(line);
  return m !== null && readDateLine(line.slice(m[0].length)) !== null;
}

/** True for the heading of an "Other materials"-style block. */
export function isRelatedBlockHeading(line: string): boolean {
  return RELATED_BLOCK.test(stripDecoration(line));
}

/** True when a line ends a sentence (final punctuation, possibly inside closing quotes). */
export function hasTerminalPunctuation(line: string): boolean {
  return TERMINAL.test(line.replace(/[\s\u00a0]+$/u, ''));
}

/** A line short and bare enough to be a menu or link entry. */
export function isLinkLike(line: string): boolean {
  const bare = stripDecoration(line);
  if (bare.length === 0 || bare.length > 40 || hasTerminalPunctuation(bare)) return false;
  if (bare.split(/\s+/u).length > 5) return false;
  return readDateLine(bare) === null;
}
