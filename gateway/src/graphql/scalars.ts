import { registerEnumType } from '@nestjs/graphql';

/** 密级 on the GraphQL surface. */
export enum Classification {
  NONE = 'none',
  SECRET = 'secret',
  CONFIDENTIAL = 'confidential',
  TOP_SECRET = 'top-secret',
}
registerEnumType(Classification, { name: 'Classification', description: '密级: NONE 非密, SECRET 秘密, CONFIDENTIAL 机密, TOP_SECRET 绝密' });

/** 紧急程度. */
export enum Urgency {
  NORMAL = 'normal',
  URGENT = 'urgent',
  VERY_URGENT = 'very-urgent',
}
registerEnumType(Urgency, { name: 'Urgency', description: '紧急程度: NORMAL 平件, URGENT 加急, VERY_URGENT 特急' });

/** GraphQL sends null for an omitted optional field; the wire contracts want it absent. */
export function withoutNulls<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as never;
}
