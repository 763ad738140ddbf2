// What counts as page chrome rather than content: navigation, banners, credits, footers, link
// lists and "other materials" blocks. General rules in EN and RU, not rules for particular pages.
import { readDateLine } from './dates';
import { stripEdges } from './spaces';

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
  // language switchers
  'ру', 'қаз', 'каз', 'kaz', 'kz', 'uz', 'ўзб', 'узб', 'by', 'бел', 'arm', 'hy', 'арм', 'kg', 'кыр', 'tj', 'тоҷ',
  'de', 'fr', 'es', 'cn', '中文', 'english version', 'русская версия', 'қазақша', 'oʻzbekcha', 'o‘zbekcha',
  // accounts, subscriptions and recommendation widgets
  'войти', 'войти в почту', 'вход', 'регистрация', 'login', 'log in', 'sign in', 'sign up', 'почта',
  'наши новостные каналы', 'наши каналы', 'мы в соцсетях', 'мы в социальных сетях', 'присоединяйтесь',
  'follow us', 'реклама', 'advertisement',
]);

// Headings of blocks that list other pages; everything after them is chrome.
const RELATED_BLOCK =
  /^(?:other materials|other news|related news|related materials|related articles|related stories|read also|see also|more on this topic|more news on the topic|latest news|recent news|популярное|другие материалы|другие новости|читайте также|смотрите также|см\. также|похожие новости|похожие материалы|последние новости|ещё новости|еще новости|новости по теме|материалы по теме|по теме|рекомендуем|рекомендуем для вас|рекомендуем вам|recommended|recommended for you|trending|trending now|most read|самое читаемое|самое популярное|в тренде|новости партн[её]ров|partner news)[:.]?$/iu;

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
  /^\d{1,3}(?:[\s\u00a0]\d{3})+$/u, // a view counter with grouped digits: "1 880"
  /^\d{1,2}:\d{2}$/u,
  /^\d[\d\s]{0,9}\s*(?:views?|comments?|просмотр\p{L}*|комментари\p{L}*)$/iu,
  /^(?:сегодня|вчера|today|yesterday)[,\s]+(?:в\s+)?\d{1,2}:\d{2}$/iu,
  /^(?:share|поделиться|share on)\s*[:\-]/iu,
  /^(?:tags|теги|метки|keywords|ключевые слова|рубрики?|categories)\s*:/iu,
];
const NAV_HEAD = /^(?:home|main page|main|главная|главная страница)\s*(?:>|»|\/|→|\|)/iu;
// "Подписывайтесь на Sputnik в Дзен", "Follow us on Telegram": calls to subscribe, never news.
const SUBSCRIBE_CALL =
  /^(?:подписывайтесь|подпишитесь|читайте (?:нас|наши новости)|следите за (?:нами|новостями)|присоединяйтесь к нам|subscribe to|follow us|join us on)(?![\p{L}])/iu;
// A web counter or badge scraped as one token: "Рейтинг@Mail.ru", "LiveInternet.ru", "Яндекс.Метрика".
const COUNTER_BADGE = /^(?:\S*@\S+|\S+\.(?:ru|com|kz|by|net|org|su|am|kg|uz|tj|ua|az|info)|яндекс\.метрика|liveinternet)$/iu;

const DECORATION_BEFORE = /[\s\u00a0•·►▶▸»«<>←→|*-]/u;
const DECORATION_AFTER = /[\s\u00a0•·►▶▸»«<>←→|*:-]/u;
// Lower-casing never shortens a string, so a line longer than every label needs no lookup.
const NAVIGATION_MAX_LENGTH = Math.max(...[...NAVIGATION].map((label) => label.length));

/** Strips list bullets, arrows and separators that decorate navigation labels. */
function stripDecoration(line: string): string {
  return stripEdges(line, DECORATION_BEFORE, DECORATION_AFTER);
}

/** True for a line that is page chrome on its own: navigation, banner, credit, footer, bare URL. */
export function isBoilerplateLine(line: string): boolean {
  const bare = stripDecoration(line);
  if (bare.length === 0) return line.length > 0;
  if (bare.length <= NAVIGATION_MAX_LENGTH && NAVIGATION.has(bare.toLowerCase())) return true;
  if (bare.length <= 120 && SITE_BANNER.test(bare)) return true;
  if (URL_ONLY.test(bare)) return true;
  if (bare.length <= 100 && PHOTO_CREDIT.test(bare)) return true;
  if (bare.length <= 200 && FOOTER.test(bare)) return true;
  if (bare.length <= 120 && BREADCRUMB.test(bare) && !TERMINAL.test(bare)) return true;
  if (bare.length <= 120 && NAV_HEAD.test(bare)) return true;
  if (bare.length <= 200 && METADATA.some((re) => re.test(bare))) return true;
  if (bare.length <= 100 && SUBSCRIBE_CALL.test(bare)) return true;
  if (bare.length <= 40 && COUNTER_BADGE.test(bare)) return true;
  if (isTagLine(bare)) return true;
  return isTodayBanner(bare);
}

const CAPITALISED_WORD = /^(?:[\p{Lu}\d][\p{L}\d.'’-]*|[«"“][\p{Lu}][^\s]*)$/u;

/**
 * A run of keywords: three or more capitalised entries separated by commas, pipes or bullets
 * ("ОДКБ, Армения, Учения"), or a Russian line whose every word is capitalised ("ОДКБ Армения
 * Россия Учения" — Russian headlines are written in sentence case). They would add tags.
 */
function isTagLine(line: string): boolean {
  if (line.length > 120 || TERMINAL.test(line)) return false;
  const isRussian = /\p{Script=Cyrillic}/u.test(line);
  const entries = line.split(/\s*[,|•·]\s*/u).filter((e) => e.length > 0);
  // An English Title Case headline may list three countries ("Russia, Belarus, Kazakhstan Sign Pact").
  const minEntries = isRussian ? 3 : 4;
  const isKeyword = (entry: string): boolean => {
    const words = entry.split(/\s+/u);
    return words.length <= 3 && words.every((w) => CAPITALISED_WORD.test(w));
  };
  if (entries.length >= minEntries && entries.every(isKeyword)) return true;
  const words = line.split(/\s+/u);
  return isRussian && words.length >= 3 && words.every((w) => CAPITALISED_WORD.test(w));
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
  return TERMINAL.test(line.trimEnd()); // trimEnd cuts exactly the characters of \s, U+00A0 included
}

/** A line short and bare enough to be a menu or link entry. */
export function isLinkLike(line: string): boolean {
  const bare = stripDecoration(line);
  if (bare.length === 0 || bare.length > 40 || hasTerminalPunctuation(bare)) return false;
  if (bare.split(/\s+/u).length > 5) return false;
  return readDateLine(bare) === null;
}
