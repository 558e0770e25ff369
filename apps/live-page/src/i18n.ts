/** The page's words in Kyrgyz, Russian and English; party and place names stay as the data has them. */
export const LANGS = ['ky', 'ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const WORDS = {
  title: { ky: 'Шайлоо күнү — түз көрсөтүү', ru: 'День выборов — в прямом эфире', en: 'Election day — live' },
  language: { ky: 'Тил', ru: 'Язык', en: 'Language' },
  registered: { ky: 'Шайлоочулар', ru: 'Избирателей', en: 'Registered voters' },
  reporting: { ky: 'Жыйынтык берген участоктор', ru: 'Участков отчиталось', en: 'Precincts reporting' },
  turnout: { ky: 'Катышуу', ru: 'Явка', en: 'Turnout' },
  map: { ky: 'Аймактар', ru: 'Регионы', en: 'Regions' },
  colourBy: { ky: 'Түсү', ru: 'Цвет', en: 'Colour by' },
  byReporting: { ky: 'жыйынтык берген үлүш', ru: 'доля отчитавшихся', en: 'share reporting' },
  byLeader: { ky: 'алдыдагы партия', ru: 'лидирующая партия', en: 'leading party' },
  notInElection: { ky: 'бул шайлоодо жок', ru: 'не участвует', en: 'not in this election' },
  board: { ky: 'Участоктор', ru: 'Участки', en: 'Polling stations' },
  boardHint: {
    ky: 'Ар бир чарчы — бир участок. Басып, анын түзмөктөрүн көрүңүз.',
    ru: 'Каждый квадрат — участок. Нажмите, чтобы увидеть его устройства.',
    en: 'Each square is a polling station. Select one to see its devices.',
  },
  allRegions: { ky: 'Бардык аймактар', ru: 'Все регионы', en: 'All regions' },
  'state.not-open': { ky: 'ачыла элек', ru: 'не открыт', en: 'not open' },
  'state.open': { ky: 'ачык, добуш берүү жүрүүдө', ru: 'открыт, идёт голосование', en: 'open, voting' },
  'state.identified': { ky: 'шайлоочулар идентификацияланды', ru: 'избиратели идентифицированы', en: 'voters identified' },
  'state.box': { ky: 'КЭУ жыйынтыгы кабыл алынды', ru: 'итоги АЭУ приняты', en: 'ballot box result acknowledged' },
  'state.protocol': { ky: 'протокол кабыл алынды', ru: 'протокол принят', en: 'protocol acknowledged' },
  'state.hand-count': { ky: 'КЭУ иштебей калды → кол менен саналды', ru: 'АЭУ отказал → ручной подсчёт', en: 'box failed → hand count' },
  'state.flagged': { ky: 'белги коюлду', ru: 'есть отметки', en: 'flagged' },
  devices: { ky: 'Түзмөктөр', ru: 'Устройства', en: 'Devices' },
  identification: { ky: 'Идентификация түзмөгү', ru: 'Устройство идентификации', en: 'Identification device' },
  box: { ky: 'КЭУ (автоматтык үкөк)', ru: 'АЭУ (автоматический ящик)', en: 'Ballot box (АЭУ)' },
  commission: { ky: 'Комиссия', ru: 'Комиссия', en: 'Commission' },
  identified: { ky: 'идентификацияланды', ru: 'идентифицировано', en: 'identified' },
  ballotsInBox: { ky: 'үкөктөгү бюллетендер', ru: 'бюллетеней в ящике', en: 'ballots in the box' },
  waiting: { ky: 'күтүлүүдө', ru: 'ожидается', en: 'waiting' },
  'flag.box-exceeds-identified': { ky: 'үкөктө идентификациядан көп', ru: 'в ящике больше, чем идентифицировано', en: 'box > identified' },
  'flag.box-manual-mismatch': { ky: 'КЭУ ≠ кол менен эсеп', ru: 'АЭУ ≠ ручной подсчёт', en: 'box ≠ manual count' },
  'flag.manual-only': { ky: 'кол менен гана саналды', ru: 'только ручной подсчёт', en: 'hand count only' },
  'flag.not-reported': { ky: 'жыйынтык келген жок', ru: 'нет итогов', en: 'not reported' },
  'flag.double-votes': { ky: 'кайра добуш берүү аракети', ru: 'попытки двойного голосования', en: 'double votes' },
  'flag.identified-below-issued': { ky: 'берилген бюллетендер идентификациядан көп', ru: 'выдано больше, чем идентифицировано', en: 'issued > identified' },
  turnoutChart: { ky: 'Катышуу күн бою', ru: 'Явка в течение дня', en: 'Turnout through the day' },
  reference2021: { ky: '2021-жыл (шилтеме)', ru: '2021 г. (эталон)', en: '2021 (reference)' },
  today: { ky: 'бүгүн', ru: 'сегодня', en: 'today' },
  reportingChart: { ky: 'Жыйынтык берген участоктор (20:00дөн кийин)', ru: 'Отчитавшиеся участки (после 20:00)', en: 'Precincts reporting after 20:00' },
  results: { ky: 'Жыйынтыктар', ru: 'Итоги', en: 'Results' },
  party: { ky: 'Партия', ru: 'Партия', en: 'Party' },
  votes: { ky: 'Добуштар', ru: 'Голоса', en: 'Votes' },
  share: { ky: 'Үлүш', ru: 'Доля', en: 'Share' },
  seats: { ky: 'Мандаттар', ru: 'Мандаты', en: 'Seats' },
  provisional: { ky: 'алдын ала (КЭУ боюнча)', ru: 'предварительно (по АЭУ)', en: 'provisional (from the boxes)' },
  final: { ky: 'акыркы', ru: 'окончательно', en: 'final' },
  allocation: { ky: 'Мандаттарды бөлүштүрүү', ru: 'Распределение мандатов', en: 'How the seats are allocated' },
  threshold: { ky: 'Босого', ru: 'Порог', en: 'Threshold' },
  passed: { ky: 'өттү', ru: 'прошла', en: 'passed' },
  failed: { ky: 'өтпөдү', ru: 'не прошла', en: 'failed' },
  quota: { ky: 'Квота (Хэйр)', ru: 'Квота (Хэйра)', en: 'Hare quota' },
  quotaExplained: {
    ky: 'өткөн партиялардын добуштары ÷ мандаттар',
    ru: 'голоса прошедших партий ÷ число мандатов',
    en: 'votes of the lists that passed ÷ seats',
  },
  quotient: { ky: 'Добуш ÷ квота', ru: 'Голоса ÷ квота', en: 'Votes ÷ quota' },
  integerSeats: { ky: 'Бүтүн мандаттар', ru: 'Целые мандаты', en: 'Whole seats' },
  remainder: { ky: 'Калдык', ru: 'Остаток', en: 'Remainder' },
  rank: { ky: 'Орун', ru: 'Место', en: 'Rank' },
  remainderSeat: { ky: 'Калдык боюнча мандат', ru: 'Мандат по остатку', en: 'Seat by remainder' },
  cap: { ky: 'Бир партияга чек', ru: 'Предел для одной партии', en: 'Cap per list' },
  lots: { ky: 'Чүчүкулак', ru: 'Жребий', en: 'Lots drawn' },
  none: { ky: 'жок', ru: 'нет', en: 'none' },
  ticker: { ky: 'Окуялар', ru: 'События', en: 'Events' },
  'event.turnout': { ky: 'катышуу маалыматы', ru: 'данные о явке', en: 'turnout snapshot' },
  'event.identification': { ky: 'идентификация отчету', ru: 'отчёт идентификации', en: 'identification report' },
  'event.result': { ky: 'КЭУ жыйынтыгы', ru: 'итоги АЭУ', en: 'ballot box result' },
  'event.protocol': { ky: 'комиссиянын протоколу', ru: 'протокол комиссии', en: 'commission protocol' },
  'event.rejection': { ky: 'билдирүү четке кагылды', ru: 'сообщение отклонено', en: 'message rejected' },
  'event.closed': { ky: 'эсеп жабылды: мандаттар акыркы', ru: 'подсчёт закрыт: мандаты окончательные', en: 'count closed: seats are final' },
  noElection: { ky: 'Катталган шайлоо жок.', ru: 'Нет зарегистрированных выборов.', en: 'No election registered yet.' },
  connection: { ky: 'Байланыш', ru: 'Связь', en: 'Connection' },
  live: { ky: 'түз', ru: 'в эфире', en: 'live' },
  reconnecting: { ky: 'кайра туташууда', ru: 'переподключение', en: 'reconnecting' },
} as const;

export type Word = keyof typeof WORDS;

export function isLang(s: string | null | undefined): s is Lang {
  return !!s && (LANGS as readonly string[]).includes(s);
}

export function translator(lang: Lang): (w: Word) => string {
  return (w) => WORDS[w][lang];
}

/** Region names of the schematic map, in each language (the data carries the Kyrgyz ones). */
export const REGION_NAMES: Record<string, Record<Lang, string>> = {
  talas: { ky: 'Талас', ru: 'Талас', en: 'Talas' },
  chui: { ky: 'Чүй', ru: 'Чуй', en: 'Chüy' },
  bishkek: { ky: 'Бишкек', ru: 'Бишкек', en: 'Bishkek' },
  'issyk-kul': { ky: 'Ысык-Көл', ru: 'Иссык-Куль', en: 'Issyk-Kul' },
  'jalal-abad': { ky: 'Жалал-Абад', ru: 'Джалал-Абад', en: 'Jalal-Abad' },
  naryn: { ky: 'Нарын', ru: 'Нарын', en: 'Naryn' },
  batken: { ky: 'Баткен', ru: 'Баткен', en: 'Batken' },
  osh: { ky: 'Ош облусу', ru: 'Ошская обл.', en: 'Osh region' },
  'osh-city': { ky: 'Ош шаары', ru: 'г. Ош', en: 'Osh city' },
};
