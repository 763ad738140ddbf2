// A small bilingual corpus for the search tests, its texts taken from the seed pages in resources/seeds.
import { emptyTags } from '../model';
import type { Tags } from '../model';
import type { SearchDoc } from './search-doc';

function tags(partial: Partial<Tags>): Tags {
  return { ...emptyTags(), ...partial };
}

function doc(partial: Partial<SearchDoc> & Pick<SearchDoc, 'id' | 'title' | 'text'>): SearchDoc {
  return {
    date: null, lang: 'en', tags: emptyTags(), note: '', highlights: [], status: 'unread', collections: [],
    ...partial,
  };
}

export const CORPUS: SearchDoc[] = [
  doc({
    id: 'en-rock', date: '2024-09-05', status: 'starred',
    title: 'Secretary General at the final stage of the “Rock-2024” training',
    text: 'The CSTO Secretary General Imangali Tasmagambetov took part in the final stage of the joint tactical and special training “Rock-2024” with units of the bodies authorized in the field of prevention and elimination of consequences of emergency situations of the CSTO member states. The event took place at the basic training ground for the CSTO rescue units “Rock City-Astana”.',
    tags: tags({ state: ['Kazakhstan'], organ: ['Secretariat'], exercise: ['Rock-2024'], person: ['Imangali Tasmagambetov'] }),
    collections: ['exercises-2024', 'Exercises 2024'],
  }),
  doc({
    id: 'en-interaction', date: '2024-09-03',
    title: 'Forces regroup in the Kyrgyz Republic',
    text: 'From 3 to 6 September, participants in the command-staff training with the CSTO Collective Rapid Reaction Forces “Interaction-2024”, the special trainings “Search-2024” and “Echelon-2024” are regrouping in the Kyrgyz Republic.',
    tags: tags({ state: ['Kyrgyzstan'], exercise: ['Interaction-2024', 'Search-2024', 'Echelon-2024'] }),
    note: 'Compare with the Russian report of 9 September.',
    collections: ['exercises-2024', 'Exercises 2024'],
  }),
  doc({
    id: 'en-crisis', date: '2024-09-03',
    title: 'Joint training session of the Joint Staff and the Secretariat',
    text: 'Issues related to the preparation of proposals for the deployment and use of the CSTO Collective Rapid Reaction Forces in the Central Asian region of collective security are being worked out in the period from 3 to 4 September during a joint training session of the CSTO Joint Staff and the CSTO Secretariat in Moscow on the basis of the Crisis Response Centre.',
    tags: tags({ state: ['Russia'], organ: ['Joint Staff', 'Secretariat', 'Crisis Response Centre'] }),
  }),
  doc({
    id: 'en-briefing', date: '2024-08',
    title: 'Chief of the Joint Staff gives a briefing',
    text: 'The Chief of the Joint Staff of the Collective Security Treaty Organization, Colonel-General Andrei Nikolaevich Serdyukov, has today given a briefing on the subject of “Preparedness of the CSTO Collective Security Treaty Organization\'s management bodies and formations of forces and means for the conduct of joint trainings”.',
    tags: tags({ organ: ['Joint Staff'], person: ['Andrei Serdyukov'] }),
    highlights: ['Preparedness of the CSTO', 'Key briefing before the autumn exercises'],
    status: 'reviewed',
  }),
  doc({
    id: 'en-anniversary', date: '2017-05-29',
    title: 'A quarter of a century together: CSTO celebrates anniversary',
    text: 'In his greeting, the CSTO Secretary General, Yuri Khachaturov, said: "Today we celebrate two significant dates - the 25th anniversary of the signing of the Collective Security Treaty and the 15th anniversary of the establishment of the Collective Security Treaty Organization, which today includes the Republic of Armenia, the Republic of Belarus, the Republic of Kazakhstan, the Kyrgyz Republic, the Russian Federation and The Republic of Tajikistan.',
    tags: tags({ state: ['Armenia', 'Belarus', 'Kazakhstan', 'Kyrgyzstan', 'Russia', 'Tajikistan'], person: ['Yuri Khachaturov'] }),
  }),
  doc({
    id: 'en-military-committee', date: '2021-12-08',
    title: 'The Military Committee meeting has been held via videoconferencing on December 8',
    text: 'The meeting of the Military Committee on the development of military cooperation of the Collective Security Treaty Organization member States has been held via videoconferencing on December 8, 2021. The meeting was attended by the Chiefs of Staff of the Armed Forces of the Republic of Armenia, the Republic of Belarus, the Republic of Kazakhstan, the Kyrgyz Republic, the Republic of Tajikistan, Chief of the CSTO Joint Staff, Colonel General Anatoly Sidorov.',
    tags: tags({ state: ['Armenia', 'Belarus', 'Kazakhstan', 'Kyrgyzstan', 'Tajikistan'], organ: ['Military Committee', 'Joint Staff'], person: ['Anatoly Sidorov'] }),
  }),
  doc({
    id: 'en-afghanistan', date: '2025-05-13',
    title: 'Working Group on Afghanistan meets',
    text: 'On May 13, 2025, the 41st meeting of the Working Group on Afghanistan under the CSTO Ministerial Council was held with the participation of CSTO Deputy Secretary General Samat Ordabaev.',
    tags: tags({ state: ['Afghanistan'], organ: ['Working Group on Afghanistan'], person: ['Samat Ordabaev'] }),
  }),
  doc({
    id: 'en-history', date: '2006',
    title: 'Collective Security Treaty Organization (CSTO): background',
    text: 'The basis for the creation of the CSTO was provided by the Collective Security Treaty signed on May 15, 1992 by Armenia, Belarus, Georgia, Kazakhstan, Kyrgyzstan, Russia, Tajikistan and Uzbekistan.\n\nOn 22 June, 2006 Russian Foreign Minister Sergei Lavrov handed his functions as the CSTO chairman over to his Belarusian counterpart Sergei Martynov.',
    tags: tags({ state: ['Armenia', 'Belarus', 'Georgia', 'Kazakhstan', 'Kyrgyzstan', 'Russia', 'Tajikistan', 'Uzbekistan'] }),
  }),
  doc({
    id: 'ru-echelon', date: '2024-09-10', lang: 'ru',
    title: 'Учение «Эшелон-2024» в Кыргызстане',
    text: 'В Кыргызстане специальное учение с силами и средствами материально-технического обеспечения «Эшелон-2024» проводится с целью совершенствования слаженности и оперативности работы органов тылового, технического и медицинского обеспечения КСОР ОДКБ при подготовке и в ходе ведения совместной операции.',
    tags: tags({ state: ['Kyrgyzstan'], exercise: ['Echelon-2024'] }),
    collections: ['exercises-2024', 'Exercises 2024'],
  }),
  doc({
    id: 'ru-interaction', date: '2024-09-09', lang: 'ru',
    title: 'Второй этап учения «Взаимодействие-2024»',
    text: 'В Кыргызстане отработан второй этап командно-штабного учения «Взаимодействие-2024», специальных учений «Поиск-2024» и «Эшелон-2024», в ходе которого осуществлялась подготовка совместной операции Коллективных сил оперативного реагирования (КСОР) ОДКБ по разрешению вооруженного конфликта в Центральноазиатском регионе.',
    tags: tags({ state: ['Kyrgyzstan'], exercise: ['Interaction-2024', 'Search-2024', 'Echelon-2024'] }),
    note: 'Главный источник по учениям 2024 года.',
  }),
  doc({
    id: 'ru-rock', date: '2024-09-05', lang: 'ru',
    title: 'Тасмагамбетов на учении «Скала-2024»',
    text: 'Генеральный секретарь ОДКБ Имангали Тасмагамбетов принял участие в завершающем этапе совместного тактико-специального учения «Скала-2024» с подразделениями органов, уполномоченных в сфере предупреждения и ликвидации чрезвычайных ситуаций.',
    tags: tags({ state: ['Kazakhstan'], organ: ['Secretariat'], exercise: ['Rock-2024'], person: ['Imangali Tasmagambetov'] }),
  }),
  doc({
    id: 'ru-military-committee', date: '2015-04-07', lang: 'ru',
    title: 'Заседание Военного комитета ОДКБ в Таджикистане',
    text: 'В Таджикистане 8-9 апреля состоится заседание Военного комитета ОДКБ, на котором проанализируют вызовы и угрозы военной безопасности в регионах коллективной безопасности. В заседании примет участие и выступит заместитель Генерального секретаря ОДКБ Валерий Семериков.',
    tags: tags({ state: ['Tajikistan'], organ: ['Military Committee'], person: ['Valery Semerikov'] }),
  }),
  doc({
    id: 'ru-joint-staff', date: '2020-04-28', lang: 'ru',
    title: '17-я годовщина создания Объединённого штаба ОДКБ',
    text: '28 апреля 2003 года в городе Душанбе Совет коллективной безопасности принял решение о создании постоянно действующего рабочего органа – Объединенного штаба ОДКБ. Начальник Объединенного штаба ОДКБ генерал-полковник Анатолий Сидоров отметил, что все задачи за прошедший год коллектив выполнил успешно.',
    tags: tags({ state: ['Tajikistan'], organ: ['Joint Staff', 'Collective Security Council'], person: ['Anatoly Sidorov'] }),
  }),
  doc({
    id: 'ru-serdyukov', date: '2025-08-21', lang: 'ru', status: 'starred',
    title: 'Серия учений ОДКБ пройдёт в Белоруссии',
    text: 'МИНСК, 21 авг — Sputnik. Серия учений ОДКБ «Взаимодействие», «Поиск» и «Эшелон» пройдет на белорусских полигонах «Лосвидо» и «Лепельский», сообщил начальник объединенного штаба Организации Договора о коллективной безопасности Андрей Сердюков. «Особенностью этих учений является то, что замыслы их проведения тесно увязаны с замыслом совместного стратегического учения “Запад-2025”», — сказал Сердюков на брифинге в четверг.',
    tags: tags({ state: ['Belarus'], organ: ['Joint Staff'], exercise: ['Interaction-2025', 'Search-2025', 'Echelon-2025'], person: ['Andrei Serdyukov'] }),
  }),
  doc({
    id: 'ru-armenia', date: '2021-03', lang: 'ru',
    title: 'Встреча с Николаем Бордюжей в Армении',
    text: 'В Ереване прошла встреча с бывшим генеральным секретарём ОДКБ Николаем Бордюжей. Стороны обсудили вопросы безопасности Армении и подготовку совместных учений.',
    tags: tags({ state: ['Armenia'], person: ['Nikolai Bordyuzha'] }),
    highlights: ['Николаем Бордюжей'],
  }),
];
