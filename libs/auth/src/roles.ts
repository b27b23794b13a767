/**
 * Realm roles of the Keycloak realm `gov-office`: each names a post (岗位) in or around the general office.
 * The realm export in infra/keycloak/gov-office-realm.json declares exactly these roles.
 */
export const ROLES = [
  'clerk',
  'section-chief',
  'deputy-director',
  'director',
  'district-leader',
  'confidential-clerk',
  'supervisor',
  'legal-officer',
  'petition-officer',
  'secrecy-officer',
  'archivist',
  'foreign-affairs-officer',
  'unit-liaison',
  'auditor',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

/** Chinese post names, for messages and front ends. */
export const ROLE_NAMES_ZH: Readonly<Record<Role, string>> = {
  clerk: '办事员（文书）',
  'section-chief': '科长',
  'deputy-director': '办公室副主任',
  director: '办公室主任',
  'district-leader': '区领导',
  'confidential-clerk': '机要员',
  supervisor: '督查专员',
  'legal-officer': '法制审核员',
  'petition-officer': '信访干部',
  'secrecy-officer': '保密干部',
  archivist: '档案员',
  'foreign-affairs-officer': '外事干部',
  'unit-liaison': '承办单位联络员',
  auditor: '审计员',
  admin: '系统管理员',
};

const ROLE_SET: ReadonlySet<string> = new Set(ROLES);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && ROLE_SET.has(value);
}
