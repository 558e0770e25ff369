import { createHash } from 'node:crypto';
import { BallotCount } from './count';
import { Candidate, Sex } from './definition';
import { apportion, Uniform } from './vote-synthesizer';

const MEN = [
  'Бакыт',
  'Азамат',
  'Нурлан',
  'Эрлан',
  'Улан',
  'Талант',
  'Мирлан',
  'Канат',
  'Алмазбек',
  'Бектур',
  'Темирлан',
  'Медер',
  'Нурбек',
  'Элдияр',
  'Адилет',
  'Марат',
  'Тилек',
  'Жоомарт',
  'Самат',
  'Чынгыз',
];
const WOMEN = [
  'Айгүл',
  'Жылдыз',
  'Гүлнара',
  'Назира',
  'Айжан',
  'Бурул',
  'Чолпон',
  'Динара',
  'Асель',
  'Нургүл',
  'Мээрим',
  'Айпери',
  'Венера',
  'Элмира',
  'Жаныл',
  'Салтанат',
  'Бермет',
  'Акылай',
  'Гүлзат',
  'Токтобүбү',
];
/** Fathers' names: the root of a surname (Асанов), of a Kyrgyz patronymic (Асан уулу / кызы) and of a Russian one (Асанович / Асановна). */
const FATHERS = [
  'Асан',
  'Осмон',
  'Токтогул',
  'Бейшен',
  'Кубан',
  'Жумабек',
  'Сапар',
  'Абдыл',
  'Мамбет',
  'Турсун',
  'Кадыр',
  'Эсен',
  'Үсөн',
  'Шаршен',
  'Дүйшөн',
  'Качкын',
  'Сейит',
  'Жапар',
  'Момун',
  'Бакир',
];

/** A synthetic person's name in its Kyrgyz and Russian forms, drawn from `random`. */
export function synthesizeName(sex: Sex, random: Uniform): { kg: string; ru: string } {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const given = pick(sex === 'F' ? WOMEN : MEN);
  const father = pick(FATHERS);
  const surnameRoot = pick(FATHERS);
  const surname = `${surnameRoot}ов${sex === 'F' ? 'а' : ''}`;
  return {
    kg: `${surname} ${given} ${father} ${sex === 'F' ? 'кызы' : 'уулу'}`,
    ru: `${surname} ${given} ${father}${sex === 'F' ? 'овна' : 'ович'}`,
  };
}

export interface CandidateDraw {
  /** Candidate ids are `${prefix}-c1`, `${prefix}-c2`, … */
  prefix: string;
  count: number;
  /** Share of women among the candidates. */
  women: number;
  /** At least this many women stand (a village council's reserve needs them). */
  minWomen?: number;
  /** Parties that may nominate a candidate; the rest are self-nominated. */
  parties?: string[];
  /** Share of party-nominated candidates (when parties are given). */
  partyNominated?: number;
  random: Uniform;
}

/**
 * A contest's candidates, seeded: names in both forms, sex, party or self-nomination, ballot
 * order, and the order the commission registered them in (drawn apart from the ballot order).
 */
export function synthesizeCandidates(draw: CandidateDraw): Candidate[] {
  const { random } = draw;
  const registration = Array.from({ length: draw.count }, (_, i) => ({ i, key: random() }))
    .sort((a, b) => a.key - b.key)
    .map((x, k) => [x.i, k + 1] as const);
  const registeredAs = new Map(registration);
  const sexes: Sex[] = Array.from({ length: draw.count }, () => (random() < draw.women ? 'F' : 'M'));
  for (let i = sexes.length - 1; i >= 0 && sexes.filter((x) => x === 'F').length < Math.min(draw.minWomen ?? 0, draw.count); i--) sexes[i] = 'F';
  return sexes.map((sex, i) => {
    const name = synthesizeName(sex, random);
    const partyId = draw.parties?.length && random() < (draw.partyNominated ?? 0.5) ? draw.parties[Math.floor(random() * draw.parties.length)] : undefined;
    return {
      id: `${draw.prefix}-c${i + 1}`,
      name: name.kg,
      nameRu: name.ru,
      sex,
      order: i + 1,
      ...(partyId ? { partyId } : {}),
      registration: registeredAs.get(i)!,
    };
  });
}

/** How much each candidate of a contest draws, relative to the others: a few strong, a tail of weak ones. */
export function candidateStrengths(candidates: readonly Candidate[], random: Uniform): Record<string, number> {
  return Object.fromEntries(candidates.map((c) => [c.id, 0.05 + random() ** 2]));
}

/**
 * One precinct's ballots of a candidate contest: 1–3% invalid, the valid ones split by the
 * candidates' strengths with some scatter from precinct to precinct.
 */
export function synthesizeCandidateCount(ballots: number, strengths: Record<string, number>, random: Uniform): BallotCount {
  const invalidBallots = Math.round(ballots * (0.01 + 0.02 * random()));
  const ids = Object.keys(strengths);
  const shares = apportion(
    ballots - invalidBallots,
    ids.map((id) => strengths[id] * (0.8 + 0.4 * random())),
  );
  return { votes: Object.fromEntries(ids.map((id, i) => [id, shares[i]])), invalidBallots };
}

/** A repeatable uniform source for a seed (mulberry32 over the seed's sha-256), for data built without a platform Random. */
export function seededUniform(seed: string): Uniform {
  const d = createHash('sha256').update(seed).digest();
  let a = (d[0] | (d[1] << 8) | (d[2] << 16) | (d[3] << 24)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
