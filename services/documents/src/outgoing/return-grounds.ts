import { assertReturnGrounds, type GivenGround, type ReturnGroundDefinition } from '../incoming-review/return-grounds.js';

/**
 * Return grounds of the first check of a draft to be issued (拟发文件 初核), seed 000 L188–200. The list is the
 * incoming one (L150–164) with two differences: ② is new (the matter is within the unit's own authority and
 * needs neither a request nor issuing in the 区委/区政府 name), and ③ reads "不符合行文规则;内容不符合国家法律、法规及
 * 其他有关规定". Keys shared with the incoming list mean the same thing.
 */
export const OUTGOING_RETURN_GROUNDS = [
  { key: 'not-our-remit', mark: '①', labelZh: '不属于本科室办理范围之内', source: 'seed 000 L188', needsText: false },
  {
    key: 'within-own-authority',
    mark: '②',
    labelZh: '属有关单位职权范围内,不需请示区委区政府及以区委区政府名义发文',
    source: 'seed 000 L190; L222 ④ (尽量以部门名义发文)',
    needsText: false,
  },
  {
    key: 'against-routing-rules-or-unlawful',
    mark: '③',
    labelZh: '不符合行文规则,或内容不符合国家法律、法规及其他有关规定',
    source: 'seed 000 L190',
    needsText: false,
  },
  {
    key: 'incomplete',
    mark: '④',
    labelZh: '文件主附件不完整、背景材料不齐全,或有前文而未提供前文备查',
    source: 'seed 000 L192',
    needsText: false,
  },
  { key: 'not-coordinated', mark: '⑤', labelZh: '涉及其他部门的事项未经协调或征求意见', source: 'seed 000 L192', needsText: false },
  {
    key: 'skipped-level-or-several-matters',
    mark: '⑥',
    labelZh: '基层单位非特殊情况越级上报,请示一文数事,内容混杂或请示中没有明确意见',
    source: 'seed 000 L194',
    needsText: false,
  },
  {
    key: 'improper-presentation',
    mark: '⑦',
    labelZh: '用白头或便签头报送,字迹不清晰,文字有涂改,缺漏页,多头主送或滥抄滥送',
    source: 'seed 000 L196',
    needsText: false,
  },
  {
    key: 'missing-organ-date-seal',
    mark: '⑧',
    labelZh: '没有发文机关名称、发文日期、单位印章,或报文、成文日期相隔过长',
    source: 'seed 000 L198',
    needsText: false,
  },
  { key: 'wrong-channel', mark: '⑨', labelZh: '未按规定渠道报送', source: 'seed 000 L198', needsText: false },
  { key: 'other', mark: '⑩', labelZh: '其他不符合国家机关公文处理规定的情形', source: 'seed 000 L200', needsText: true },
] as const satisfies readonly ReturnGroundDefinition[];

export type OutgoingReturnGround = (typeof OUTGOING_RETURN_GROUNDS)[number]['key'];

/** At least one of the ten, ⑩ with a text; approved by 科室负责人 → 办公室分管主任 (seed 000 L188; the state table). */
export function assertOutgoingReturn(grounds: readonly GivenGround<string>[]): asserts grounds is readonly GivenGround<OutgoingReturnGround>[] {
  assertReturnGrounds(grounds, OUTGOING_RETURN_GROUNDS);
}
