import { GovError } from '@gov/contracts';

/**
 * Return grounds (退文理由) of the first check (初审). Data plus one validator shared by the incoming list
 * (here), the outgoing list (outgoing/return-grounds.ts) and the special-item list (special-items.rules.ts).
 *
 * Incoming requests, reports and letters: seed 000 L150–164 (办文科, "有下列情况之一的,承办人提出拟退文意见呈科室
 * 负责人报办公室分管主任审核后退来文单位"). The same checks in other words: seed 003 L13@c8500–8630 (初审: 是否应当由
 * 本机关办理, 是否符合行文规则, 文种、格式, 协商、会签, 其他要求; "退回来文单位并说明理由"); seed 004 L16 ("作退回处理并
 * 说明原因"); 党政机关公文处理工作条例 art. 24 (national-rules 2.1).
 */

export interface ReturnGroundDefinition<K extends string = string> {
  key: K;
  /** Circled number as printed in the seed list, ① … ⑩. */
  mark: string;
  /** The ground as the notice to the sender prints it. */
  labelZh: string;
  /** Seed citation. */
  source: string;
  /** True for the catch-all ground, which must carry a written explanation. */
  needsText: boolean;
}

export const INCOMING_RETURN_GROUNDS = [
  { key: 'not-our-remit', mark: '①', labelZh: '不属本科室收文范围', source: 'seed 000 L150; seed 003 L13@c8529', needsText: false },
  { key: 'unlawful', mark: '②', labelZh: '内容不符合国家法律、法规及其他有关规定', source: 'seed 000 L152', needsText: false },
  { key: 'wrong-format-or-type', mark: '③', labelZh: '公文格式不符合规范或文种使用错误', source: 'seed 000 L154; seed 003 L13@c8549', needsText: false },
  {
    key: 'incomplete',
    mark: '④',
    labelZh: '文件主附件不完整、背景材料不齐全,或有前文而未提供前文备查',
    source: 'seed 000 L156',
    needsText: false,
  },
  {
    key: 'not-coordinated',
    mark: '⑤',
    labelZh: '涉及其他部门的事项未经协调或征求意见',
    source: 'seed 000 L158; seed 003 L13@c8561 (协商、会签)',
    needsText: false,
  },
  {
    key: 'skipped-level-or-several-matters',
    mark: '⑥',
    labelZh: '基层单位非特殊情况越级上报,请示一文数事,内容混杂或请示中没有明确意见',
    source: 'seed 000 L158',
    needsText: false,
  },
  {
    key: 'improper-presentation',
    mark: '⑦',
    labelZh: '用白头或便签头报送,字迹不清晰,文字有涂改,缺漏页,多头主送或滥抄滥送',
    source: 'seed 000 L160',
    needsText: false,
  },
  {
    key: 'missing-organ-date-seal',
    mark: '⑧',
    labelZh: '没有发文机关名称、发文日期、单位印章,或报文、成文日期相隔过长',
    source: 'seed 000 L162',
    needsText: false,
  },
  { key: 'wrong-channel', mark: '⑨', labelZh: '未按规定渠道报送', source: 'seed 000 L162; seed 003 L13@c8540 (行文规则)', needsText: false },
  {
    key: 'other',
    mark: '⑩',
    labelZh: '其他不符合国家机关公文处理规定的情形',
    source: 'seed 000 L164 (also 深宝办发[2007]10号); seed 003 L13@c8589 (其他要求)',
    needsText: true,
  },
] as const satisfies readonly ReturnGroundDefinition[];

export type IncomingReturnGround = (typeof INCOMING_RETURN_GROUNDS)[number]['key'];

/** One ground given for a return; `text` is required for the catch-all ground and optional otherwise. */
export interface GivenGround<K extends string = string> {
  ground: K;
  text?: string;
}

/** Longest explanation accepted per ground, in characters. */
export const RETURN_GROUND_TEXT_MAX = 500;

/**
 * Validates the grounds of a return: at least one (a return must state its reason: seed 004 L16, seed 003
 * L13@c8615), each from the list, none repeated, a written text where the ground needs one (the catch-all
 * ⑩ "other"). Every failure is BAD_USER_INPUT with `details.field = 'grounds'`.
 */
export function assertReturnGrounds<K extends string>(
  grounds: readonly GivenGround<string>[],
  catalogue: readonly ReturnGroundDefinition<K>[],
): asserts grounds is readonly GivenGround<K>[] {
  if (grounds.length === 0) {
    throw GovError.badInput('a return needs at least one ground (退文须说明理由)', { field: 'grounds' });
  }
  const seen = new Set<string>();
  for (const g of grounds) {
    const def = catalogue.find((d) => d.key === g.ground);
    if (!def) throw GovError.badInput(`unknown return ground ${JSON.stringify(g.ground)}`, { field: 'grounds', ground: g.ground });
    if (seen.has(g.ground)) throw GovError.badInput(`return ground ${def.mark} is given twice`, { field: 'grounds', ground: g.ground });
    seen.add(g.ground);
    const text = g.text?.trim() ?? '';
    if (def.needsText && text.length === 0) {
      throw GovError.badInput(`ground ${def.mark} (${def.labelZh}) needs a written explanation`, { field: 'grounds', ground: g.ground });
    }
    if (text.length > RETURN_GROUND_TEXT_MAX) {
      throw GovError.badInput(`the explanation of ground ${def.mark} is longer than ${RETURN_GROUND_TEXT_MAX} characters`, {
        field: 'grounds',
        ground: g.ground,
      });
    }
  }
}

/**
 * The reasons as printed on the return notice to the sender, in the order of the seed list:
 * `③公文格式不符合规范或文种使用错误`, `⑩其他不符合…的情形:<text>`.
 */
export function returnNoticeLines<K extends string>(grounds: readonly GivenGround<K>[], catalogue: readonly ReturnGroundDefinition<K>[]): string[] {
  assertReturnGrounds(grounds, catalogue);
  return catalogue
    .filter((d) => grounds.some((g) => g.ground === d.key))
    .map((d) => {
      const text = grounds.find((g) => g.ground === d.key)!.text?.trim();
      return text ? `${d.mark}${d.labelZh}:${text}` : `${d.mark}${d.labelZh}`;
    });
}
