import { describe, expect, it } from 'vitest';
import defaultFile from '../resources/taxonomy.json';
import {
  compileTaxonomy,
  listLabels,
  loadDefaultTaxonomy,
  seriesOf,
  tagText,
  type TaxonomyFile,
} from './taxonomy';

const taxonomy = loadDefaultTaxonomy();
const states = (text: string) => tagText(text, taxonomy).state;
const organs = (text: string) => tagText(text, taxonomy).organ;
const exercises = (text: string) => tagText(text, taxonomy).exercise;
const people = (text: string) => tagText(text, taxonomy).person;

describe('states', () => {
  it.each([
    ['the Armenian side', 'Armenia'],
    ['his Belarusian counterpart', 'Belarus'],
    ['the Kyrgyz Republic', 'Kyrgyzstan'],
    ['in the Russian capital', 'Russia'],
    ['Ministry of Internal Affairs of Russia', 'Russia'],
    ['Defense Ministry of Kazakhstan', 'Kazakhstan'],
    ['Iranian delegation', 'Iran'],
    ['Georgia withdrew', 'Georgia'],
    ['KAZAKHSTAN TODAY reports', 'Kazakhstan'],
    ['в Республике Армения', 'Armenia'],
    ['армянской стороной', 'Armenia'],
    ['на белорусских полигонах', 'Belarus'],
    ['в Кыргызской Республике', 'Kyrgyzstan'],
    ['казахстанская сторона', 'Kazakhstan'],
    ['по сообщению «Российской газеты»', 'Russia'],
    ['в Белоруссии', 'Belarus'],
    ['из Таджикистана', 'Tajikistan'],
    ['с Украиной', 'Ukraine'],
    ['в Молдавии', 'Moldova'],
    ['с афганского направления', 'Afghanistan'],
    ['иранская делегация', 'Iran'],
    ['в Киргизии', 'Kyrgyzstan'],
    ['в Ёлках под Россиею', 'Russia'],
  ])('tags "%s" as %s', (text, label) => {
    expect(states(text)).toEqual([label]);
  });

  it('counts each half of a compound', () => {
    expect(states('along the Kazakh-Kyrgyz border')).toEqual(['Kazakhstan', 'Kyrgyzstan']);
    expect(states('на казахстанско-киргизской границе')).toEqual(['Kazakhstan', 'Kyrgyzstan']);
    expect(states('российско-белорусские учения')).toEqual(['Russia', 'Belarus']);
  });

  it('does not find Russia inside Belorussia or Russia in Белоруссия', () => {
    expect(states('Byelorussian and Belorussia; в Белоруссии')).toEqual(['Belarus']);
  });

  it('lists each state once, in order of first mention', () => {
    expect(states('Russia and Armenia; later Russia, Belarus and the Armenian side')).toEqual(['Russia', 'Armenia', 'Belarus']);
  });

  it.each([
    'Moscow, Astana, Dushanbe, Chisinau, Tashkent, Kant and Almaty',
    'the Central Asian region, East European and Caucasian states, the Eurasian and post-Soviet space',
    'the CIS member states',
    'Turkish and Lebanon officials met the USA',
    'армия и армейский резерв',
    'Москва, Минск, Ереван, Бишкек',
    'Kazakhstaniya Ukrainea Iranic',
    'центральноазиатский регион',
    'Irangate and Kazakhstanian Ukrainer',
  ])('tags no state in "%s"', (text) => {
    expect(states(text)).toEqual([]);
  });

  it('tags Afghanistan through the Working Group on Afghanistan', () => {
    expect(states('the Working Group on Afghanistan met')).toEqual(['Afghanistan']);
    expect(states('Рабочая группа по Афганистану')).toEqual(['Afghanistan']);
  });
});

describe('organs', () => {
  it.each([
    ['the chief of the CSTO joint staff', 'Joint Staff'],
    ['the Moscow Joint Headquarters', 'Joint Staff'],
    ['Chairman of the Military Committee', 'Military Committee'],
    ['Secretariat staff met guests', 'Secretariat'],
    ['the CSTO Ministerial Council', 'Council of Foreign Ministers'],
    ['the CMFA and', 'Council of Foreign Ministers'],
    ['the Council of Ministers of Defense (CMD)', 'Council of Defence Ministers'],
    ['a session of the CSC', 'Collective Security Council'],
    ['the CSCS met', 'Committee of Secretaries of Security Councils'],
    ['Committee of Secretaries of the Security Councils', 'Committee of Secretaries of Security Councils'],
    ['a meeting of the Committee of Secretaries of Security Council', 'Committee of Secretaries of Security Councils'],
    ['the CSTO PA Council', 'Parliamentary Assembly'],
    ['the Crisis Response Center', 'Crisis Response Centre'],
    ['начальник ОШ ОДКБ', 'Joint Staff'],
    ['начальник Объединённого штаба', 'Joint Staff'],
    ['на заседании Совета министров иностранных дел', 'Council of Foreign Ministers'],
    ['в рамках СМИД', 'Council of Foreign Ministers'],
    ['ПА ОДКБ', 'Parliamentary Assembly'],
    ['Парламентской Ассамблеи ОДКБ', 'Parliamentary Assembly'],
    ['в Кризисном центре', 'Crisis Response Centre'],
    ['сотрудники Секретариата ОДКБ', 'Secretariat'],
    ['заседание Постоянного совета', 'Permanent Council'],
    ['при Совете министров обороны', 'Council of Defence Ministers'],
    ['назначен начальником штаба ОДКБ', 'Joint Staff'],
  ])('tags "%s" as %s', (text, label) => {
    expect(organs(text)).toEqual([label]);
  });

  it('tags the working group and the ministerial council it sits under', () => {
    expect(organs('the Working Group on Afghanistan under the CSTO Ministerial Council')).toEqual([
      'Working Group on Afghanistan',
      'Council of Foreign Ministers',
    ]);
  });

  it('tags the Secretariat of the Parliamentary Assembly as the Parliamentary Assembly only', () => {
    expect(organs('the Secretariat of the CSTO Parliamentary Assembly')).toEqual(['Parliamentary Assembly']);
    expect(organs('Секретариат Парламентской Ассамблеи ОДКБ')).toEqual(['Parliamentary Assembly']);
  });

  it.each([
    'the CSTO Secretary General and the Deputy Secretary General',
    'the General Secretary said',
    'the Permanent and Plenipotentiary Representative',
    'the CSTO press service and press secretary',
    'the Collective Rapid Reaction Forces, Peacekeeping Forces and CSTO Troops',
    'the Coordination Council of heads of competent authorities on countering drug trafficking',
    'Секретарь Совета безопасности России',
    'the Security Council of Kazakhstan and its secretary',
    'held on 19 July 2024 at the UN Security Council',
    'the UN Secretariat and the United Nations Secretariat',
    'the CIS Council of Foreign Ministers',
    'the defense ministers of the CSTO member states',
    'the foreign ministers of the member states',
    'министры обороны государств – членов ОДКБ',
    'Межпарламентская Ассамблея СНГ',
    'the CIS Inter-Parliamentary Assembly',
    'The Secretariat of the IPA CIS Council has a specialised agency',
    'Секретариат Совета МПА СНГ',
    'the secretariats of the national security councils',
    'секретариаты советов безопасности',
    'начальники генеральных штабов ОДКБ',
  ])('tags no organ in "%s"', (text) => {
    expect(organs(text)).toEqual([]);
  });
});

describe('exercises', () => {
  it.each([
    ['the special training “Search-2024”', ['Search-2024']],
    ['учения «Взаимодействие-2024»', ['Interaction-2024']],
    ['the Belarus–Russia exercise «Запад-2025»', ['Zapad-2025']],
    ['учения „Эшелон-2024“', ['Echelon-2024']],
    ['the exercise "Rock-2024"', ['Rock-2024']],
    ['the Interaction – 2024 exercise', ['Interaction-2024']],
    ['совместные учения «Нерушимое братство-2025»', ['Indestructible Brotherhood-2025']],
    ['учение «Боевое братство-2023»', ['Combat Brotherhood-2023']],
    ['операция «Кобальт-2023»', ['Cobalt-2023']],
    ['учения «Скала-2024» и «Барьер-2024»', ['Rock-2024', 'Barrier-2024']],
    ['тренировка «Наёмник-2021»', ['Mercenary-2021']],
    ['операция «Канал – Ловушка»', ['Channel-Lovushka']],
    ['операция "Канал-Западная Двина"', ['Channel-Western Dvina']],
    ['operation "Kanal – Avangard"', ['Channel-Avangard']],
    ['A meeting on the "PROXY operation " was held', ['PROXI']],
    ['The Vzaimodeistviye 2020 [Interaction] exercise will be held', ['Interaction-2020']],
    ['the SCO exercise “Peace Mission-2021”', ['Peace Mission-2021']],
    ['учения «Рубеж-2025»', ['Rubezh-2025']],
  ])('labels "%s" as %s', (text, labels) => {
    expect(exercises(text)).toEqual(labels);
  });

  it('gives a bare name only when the item never gives that exercise a year', () => {
    expect(exercises('Серия учений ОДКБ «Взаимодействие», «Поиск» и «Эшелон»')).toEqual(['Interaction', 'Search', 'Echelon']);
    expect(exercises('the exercise “Interaction-2021”; Interaction exercises showed')).toEqual(['Interaction-2021']);
  });

  it('finds a name with its year inside a quoted sentence', () => {
    expect(exercises('«Мы провели учение Эшелон-2024 успешно», — сказал он')).toEqual(['Echelon-2024']);
  });

  it('lists an exercise spelt two ways once, in its English form', () => {
    expect(exercises('the anti-drug operation Kanal, also called Channel, and «Канал»')).toEqual(['Channel']);
  });

  it('tags the named operations of a list', () => {
    expect(exercises('measures: anti-drug - Channel; to counter illegal migration - Nelegal; networks - PROXI.')).toEqual([
      'Channel',
      'Nelegal',
      'PROXI',
    ]);
  });

  it('recognises a quoted unknown name with a year next to an exercise word', () => {
    expect(exercises('the joint exercise “Steppe Eagle – 2021” began')).toEqual(['Steppe Eagle-2021']);
    expect(exercises('учения «Сотрудничество-2015» прошли')).toEqual(['Сотрудничество-2015']);
  });

  it.each([
    'at the training ground “Rock City-Astana”',
    'the UN mission "UNIFIL" operation',
    'a strategic command and staff training',
    'a seminar "Security-2024" for journalists',
    'Search operations began in the mountains',
    'the interaction of forces during the exercise',
    'a channel of communication for the operation',
    'на полигоне «Эдельвейс» прошли учения',
    'Запад требует, учения на западе',
    'первый заместитель председателя "Боевого братства" Дмитрий Саблин',
    'как сообщил «Канал» в своём эфире',
    'the “Search” engine results',
    'на Ближний Восток 2023 года',
  ])('tags no exercise in "%s"', (text) => {
    expect(exercises(text)).toEqual([]);
  });
});

describe('people', () => {
  it('tags a person by surname in English and by inflected surname in Russian', () => {
    expect(people('The CSTO Secretary General Imangali Tasmagambetov')).toEqual(['Imangali Tasmagambetov']);
    expect(people('встреча с Имангали Тасмагамбетовым')).toEqual(['Imangali Tasmagambetov']);
    expect(people('сказал Сердюков; Андрея Сердюкова')).toEqual(['Andrei Serdyukov']);
    expect(people('Secretary General Stanislav ZAS')).toEqual(['Stanislav Zas']);
  });
});

describe('listLabels and seriesOf', () => {
  it('lists the 13 canonical states and 11 organs in the documented order', () => {
    expect(listLabels(taxonomy, 'state')).toEqual([
      'Armenia', 'Belarus', 'Kazakhstan', 'Kyrgyzstan', 'Russia', 'Tajikistan', 'Uzbekistan',
      'Azerbaijan', 'Georgia', 'Afghanistan', 'Iran', 'Ukraine', 'Moldova',
    ]);
    expect(listLabels(taxonomy, 'organ')).toEqual([
      'Collective Security Council', 'Permanent Council', 'Council of Foreign Ministers',
      'Council of Defence Ministers', 'Committee of Secretaries of Security Councils', 'Secretariat',
      'Joint Staff', 'Military Committee', 'Parliamentary Assembly', 'Crisis Response Centre',
      'Working Group on Afghanistan',
    ]);
    expect(listLabels(taxonomy, 'exercise')).toContain('Indestructible Brotherhood');
  });

  it('finds the series of an exercise label', () => {
    expect(seriesOf('Interaction-2024')).toBe('Interaction');
    expect(seriesOf('Indestructible Brotherhood-2025')).toBe('Indestructible Brotherhood');
    expect(seriesOf('Channel')).toBe('Channel');
    expect(seriesOf('Channel-Lovushka')).toBe('Channel-Lovushka');
  });
});

describe('compileTaxonomy with a user’s additions', () => {
  const base = defaultFile as unknown as TaxonomyFile;
  const extra: TaxonomyFile = {
    format: 'annals-taxonomy',
    version: 1,
    state: [
      { label: 'Armenia', aliases: ['Hayastan'] },
      { label: 'Serbia', aliases: ['Serbia{|n}', 'Серби<ya>', 'сербск<adj>'] },
    ],
    exercise: [{ label: 'Slavic Brotherhood', aliases: ['Slavonic Brotherhood'] }],
  };

  it('adds aliases to a built-in label and new labels after the built-in ones', () => {
    const compiled = compileTaxonomy(base, extra);
    expect(tagText('Hayastan and the Serbian side, в Сербии', compiled).state).toEqual(['Armenia', 'Serbia']);
    expect(listLabels(compiled, 'state').at(-1)).toBe('Serbia');
    expect(tagText('exercise “Slavonic Brotherhood-2019”', compiled).exercise).toEqual(['Slavic Brotherhood-2019']);
  });

  it('leaves the built-in taxonomy unchanged', () => {
    compileTaxonomy(base, extra);
    expect(tagText('Hayastan', loadDefaultTaxonomy()).state).toEqual([]);
    expect(listLabels(loadDefaultTaxonomy(), 'state')).not.toContain('Serbia');
  });

  it('rejects additions that use an ending set nobody defines', () => {
    const bad: TaxonomyFile = { format: 'annals-taxonomy', version: 1, state: [{ label: 'Serbia', aliases: ['Серби<nope>'] }] };
    expect(() => compileTaxonomy(base, bad)).toThrow(/<nope>/);
  });
});

describe('exercise names inside longer names and sentences', () => {
  it.each([
    ['the Telegram Channel of the operation', []],
    ['CSTO Holds Search and Rescue Exercise', []],
    ['the CSTO Operation Nelegal and Operation Channel', ['Nelegal', 'Channel']],
    ['учения «Мы проведем учения в 2024»', []],
    ['the exercise “Cooperation programme 2021-2025”', []],
    ['the exercise “Steppe Eagle 2021”', ['Steppe Eagle-2021']],
  ])('tags "%s" as %j', (text, labels) => {
    expect(exercises(text)).toEqual(labels);
  });

  it('does not read the special military operation (СМО) as the Council of Defence Ministers', () => {
    expect(organs('участники СМО и ветераны СМО')).toEqual([]);
    expect(organs('заседание СМО ОДКБ')).toEqual(['Council of Defence Ministers']);
  });
});
