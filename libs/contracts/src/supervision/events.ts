import { itemAdmitted, itemAssigned, itemCreated } from './items.js';
import { WORKFLOW_EVENTS } from './workflow.js';
import { npcAssigned, npcChecked, npcClosed, npcExplained, npcReceived, npcReopened, npcReplied, npcSentBack } from './npc-cppcc.js';
import { scoreRecorded } from './scoring.js';

/** Every event the supervision section publishes (add new ones here; catalog.ts collects the sections). */
export const SUPERVISION_EVENTS = [itemCreated, itemAdmitted, itemAssigned, ...WORKFLOW_EVENTS,
  npcReceived, npcAssigned, npcSentBack, npcExplained, npcChecked, npcReplied, npcReopened, npcClosed,
  scoreRecorded,
] as const;
